import HedgeplanDiagnostics
import Testing
@testable import HedgeplanIR

/// The value forms of the design page's Values table.
struct ValueFormTests {
    @Test(arguments: [
        ("30s", 30.0), ("5m", 300), ("1h", 3_600), ("7d", 604_800), ("1y", 31_536_000), ("1.5h", 5_400), ("2w", 1_209_600),
    ])
    func durations(text: String, seconds: Double) {
        #expect(TimeSpan(parsing: text)?.seconds == seconds)
    }

    @Test(arguments: ["", "7", "d", "7x", "-1d", "1e3s", "7 d", "nand"])
    func notDurations(text: String) {
        #expect(TimeSpan(parsing: text) == nil)
    }

    /// Epoch seconds from `date -u -d ... +%s` (GNU coreutils), an independent computation.
    @Test(arguments: [
        ("2026-12-25T08:00:00Z", Int64(1_798_185_600)),
        ("1970-01-01T00:00:00Z", 0),
        ("2024-02-29T23:59:59Z", 1_709_251_199),
        ("2026-11-27T10:00:00+02:00", 1_795_766_400),
        ("2026-11-27 08:00:00Z", 1_795_766_400),
        ("2026-11-27T08:00:00.250Z", 1_795_766_400),
        ("1969-12-31T23:59:59Z", -1),
    ])
    func instants(text: String, epoch: Int64) {
        #expect(Instant(iso8601: text)?.secondsSinceEpoch == epoch)
    }

    @Test(arguments: ["2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-25", "2026-12-25T08:00:00", "2026-12-25T24:00:00Z", "tomorrow"])
    func notInstants(text: String) {
        #expect(Instant(iso8601: text) == nil)
    }

    @Test func instantsPrintAsTheyParse() {
        for text in ["2026-12-25T08:00:00Z", "2000-02-29T00:00:00Z", "1969-07-20T20:17:40Z"] {
            #expect(Instant(iso8601: text)?.description == text)
        }
    }

    @Test(arguments: [("65%", 0.65), ("+12.5%", 0.125), ("-3%", -0.03), ("0%", 0.0)])
    func percents(text: String, fraction: Double) {
        #expect(DecodeContext.parsePercent(text) == fraction)
    }

    @Test func signedChangesNeedASign() {
        #expect(DecodeContext.parsePercent("25%", requireSign: true) == nil)
        #expect(DecodeContext.parsePercent("+25%", requireSign: true) == 0.25)
        #expect(DecodeContext.parsePercent("25", requireSign: false) == nil)
        #expect(DecodeContext.parsePercent("abc%") == nil)
    }

    @Test func strikesInEveryForm() throws {
        let result = load("""
            hedgeplan: 1
            name: strikes
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            legs:
              - { side: long, type: call, strike: 3100, expiry: 7d, quantity: 1 }
              - { side: long, type: call, strike: "+10%", expiry: 7d, quantity: 1 }
              - { side: long, type: put, strike: "-5%", expiry: 7d, quantity: 1 }
              - { side: long, type: call, strike: atm, expiry: 7d, quantity: 1 }
              - { side: long, type: call, strike: { delta: 0.25 }, expiry: 7d, quantity: 1 }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let strikes = try #require(result.strategy).legs.compactMap { $0.instrument.option?.strike.value }
        #expect(strikes == [.absolute(3100), .relative(0.10), .relative(-0.05), .atTheMoney, .delta(0.25)])
        let levels = strikes.map { $0.level(spot: 3000) }
        for (level, expected) in zip(levels, [3100.0, 3300, 2850, 3000]) {
            #expect(abs(level! - expected) < 1e-9)
        }
        #expect(levels[4] == nil, "a delta strike is known only once priced")
    }

    @Test func unquotedAndQuotedInstantsAgree() throws {
        let result = load("""
            hedgeplan: 1
            name: instants
            underlying: BTC/USDC
            market: { as_of: 2026-11-27T08:00:00Z, spot: 90000, volatility: 50% }
            legs:
              - { side: short, type: put, strike: 80000, expiry: 2026-12-25T08:00:00Z, quantity: 1 }
              - { side: short, type: put, strike: 80000, expiry: "2026-12-25T08:00:00Z", quantity: 1 }
            """)
        #expect(result.diagnostics.isEmpty)
        let strategy = try #require(result.strategy)
        #expect(strategy.valuationTime == Instant(iso8601: "2026-11-27T08:00:00Z"))
        #expect(strategy.legs.map { $0.instrument.expiry?.value } == [.at(Instant(secondsSinceEpoch: 1_798_185_600)), .at(Instant(secondsSinceEpoch: 1_798_185_600))])
    }

    @Test func didYouMeanFindsCloseNamesOnly() {
        #expect(DidYouMean.suggestion(for: "volatilty", among: ["volatility", "spot"]) == "volatility")
        #expect(DidYouMean.suggestion(for: "srpot", among: ["volatility", "spot"]) == "spot")
        #expect(DidYouMean.suggestion(for: "banana", among: ["volatility", "spot"]) == nil)
    }
}
