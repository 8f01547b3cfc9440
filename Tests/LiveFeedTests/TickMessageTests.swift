import Feeds
import Testing
@testable import LiveFeed

struct TickMessageTests {
    static let t0: Int64 = 1_764_057_600_000

    @Test(arguments: [
        (#"{"timestamp": 1764057600000, "price": 3000.5, "gas_gwei": 25, "iv": 0.6}"#,
         Tick(timestamp: t0, price: 3000.5, gasGwei: 25, impliedVolatility: 0.6)),
        (#"{"timestamp": "2025-11-25T08:00:00Z", "price": 1}"#, Tick(timestamp: t0, price: 1)),
        (#"{"ts": "2025-11-25T10:00:00+02:00", "p": 2}"#, Tick(timestamp: t0, price: 2)),
        (#"{"time": 1764057600, "close": 3}"#, Tick(timestamp: t0, price: 3)),
        (#"{"t": 1764057600.25, "c": 4}"#, Tick(timestamp: t0 + 250, price: 4)),
        (#"{"timestamp": 1764057600000000, "price": 5}"#, Tick(timestamp: t0, price: 5)),
        (#"{"timestamp": 1764057600000000000, "price": 6}"#, Tick(timestamp: t0, price: 6)),
        (#"{"timestamp": "1764057600000", "price": "7.5e0"}"#, Tick(timestamp: t0, price: 7.5)),
        (#" { "price" : 8 , "timestamp" : 1764057600000 , "gas" : "12.5", "iv": null } "#, Tick(timestamp: t0, price: 8, gasGwei: 12.5)),
        (#"{"p": 1, "price": 9, "ts": 1, "timestamp": 1764057600000}"#, Tick(timestamp: t0, price: 9)),
        (#"{"timestamp": 1764057600000, "price": 10, "note": "caf\u00e9 \"q\" \ud83d\ude00", "x": [true, false, null, {"y": -1.5e-3}]}"#,
         Tick(timestamp: t0, price: 10)),
    ])
    func accepts(_ text: String, _ expected: Tick) {
        #expect(TickMessage.parse(text) == .tick(expected))
    }

    @Test(arguments: [
        ("", FeedIssueKind.malformedRow),
        ("   ", .malformedRow),
        ("null", .malformedRow),
        (#"{"timestamp": 1764057600000, "price": 1,}"#, .malformedRow),
        (#"{"timestamp": 1764057600000, "price": 01}"#, .malformedRow),
        (#"{"timestamp": 1764057600000, "price": 1} x"#, .malformedRow),
        (#"{"timestamp": 1764057600000, "price": "1", "s": "\x"}"#, .malformedRow),
        (#"{"timestamp": 1764057600000, "price": true}"#, .malformedRow),
        (#"{"timestamp": 1764057600000, "price": 0}"#, .badPrice),
        (#"{"timestamp": 1764057600000, "price": Infinity}"#, .badPrice),
        (#"{"timestamp": 1764057600000, "price": -Infinity}"#, .badPrice),
        (#"{"timestamp": 1764057600000, "price": "NaN"}"#, .badPrice),
        // Found by InputMutationTests: the CSV feed's plausible range, which messages skipped.
        (#"{"t": 1764057600.25, "c": 999999999999999999992999.75}"#, .badPrice),
        (#"{"timestamp": 1764057600000, "price": 1e-13}"#, .badPrice),
        (#"{"timestamp": -5, "price": 1}"#, .badTimestamp),
        (#"{"timestamp": "2025-13-01T00:00:00Z", "price": 1}"#, .badTimestamp),
        (#"{"timestamp": {"s": 1}, "price": 1}"#, .badTimestamp),
        (#"{"timestamp": null, "price": 1}"#, .malformedRow),
        (#"{"timestamp": 1764057600000, "price": 1, "gas_gwei": -1}"#, .malformedRow),
        (#"{"timestamp": 1764057600000, "price": 1, "iv": "high"}"#, .malformedRow),
    ])
    func rejects(_ text: String, _ kind: FeedIssueKind) {
        guard case .rejected(let k, let message) = TickMessage.parse(text) else {
            Issue.record("accepted \(text)")
            return
        }
        #expect(k == kind, "\(message)")
        #expect(!message.isEmpty)
    }

    @Test func deepNestingIsRejectedNotACrash() {
        let deep = #"{"timestamp": 1764057600000, "price": 1, "x": "# + String(repeating: "[", count: 10_000) + "}"
        guard case .rejected(.malformedRow, let message) = TickMessage.parse(deep) else {
            Issue.record("not rejected")
            return
        }
        #expect(message.contains("nested deeper"))
    }

    @Test func syntaxErrorsSayWhere() {
        #expect(TickMessage.parse("not json") == .rejected(.malformedRow, "not a JSON object: expected `{` at byte 1, found `n`"))
        #expect(TickMessage.parse(#"{"a": 1"#) == .rejected(.malformedRow, "not a JSON object: expected `,` or `}`, found the end of the message"))
    }

    @Test func backoffGrowsIsCappedAndJittered() {
        let p = ReconnectPolicy(maxAttempts: 10, initialDelay: .milliseconds(100), maxDelay: .seconds(1), multiplier: 2, jitter: 0.5)
        #expect(p.delay(attempt: 1, unit: 0.5) == .milliseconds(100))
        #expect(p.delay(attempt: 2, unit: 0.5) == .milliseconds(200))
        #expect(p.delay(attempt: 4, unit: 0.5) == .milliseconds(800))
        #expect(p.delay(attempt: 5, unit: 0.5) == .seconds(1))
        #expect(p.delay(attempt: 60, unit: 0.5) == .seconds(1))
        #expect(p.delay(attempt: 1, unit: 0) == .milliseconds(50))
        #expect(p.delay(attempt: 5, unit: 0.999_999) < .milliseconds(1_501))
        for attempt in 1...20 {
            let d = p.delay(attempt: attempt)
            #expect(d >= .milliseconds(50) && d <= .milliseconds(1_500))
        }
        #expect(ReconnectPolicy.never.maxAttempts == 0)
    }

    @Test func secondsFormatting() {
        #expect(formatSeconds(.milliseconds(620)) == "0.62 s")
        #expect(formatSeconds(.milliseconds(50)) == "0.05 s")
        #expect(formatSeconds(.milliseconds(1_500)) == "1.5 s")
        #expect(formatSeconds(.seconds(60)) == "60 s")
    }
}
