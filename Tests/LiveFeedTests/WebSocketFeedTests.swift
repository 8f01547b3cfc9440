// Needs the WebSocket transport and a Hummingbird server: `swift test --traits LiveFeed`.
#if LiveFeed
import Feeds
import Foundation
import Testing
@testable import LiveFeed

/// Every test starts its own server on 127.0.0.1 (port 0), reads the feed on a thread of its
/// own, and stops the server; every feed has a `maxDuration`, so nothing waits forever.
/// Tests wait for events (a gate a server script awaits, a queue filling, a feed going
/// stale), not for durations: time limits are guards against hangs, generous enough for a
/// machine whose cores are busy with other work.
@Suite(.timeLimit(.minutes(10)))
struct WebSocketFeedTests {
    static let t0: Int64 = 1_764_057_600_000

    @Test func ticksArriveInOrderWithTheirFields() async throws {
        let server = try await TestServer.start { c in
            try await c.send(tickJSON(Self.t0, 3000.5, gas: 25, iv: 0.6))
            try await c.send(#"{"ts": "2025-11-25T08:00:01Z", "p": "3001.25"}"#)
            try await c.send(#"{"time": 1764057602, "close": 3002, "gas_gwei": null, "extra": {"a": [1, 2, {"b": null}]}}"#)
            try await c.sendBinary(#"{"timestamp": 1764057603000000, "price": 3003, "iv": 0.55}"#)
        }
        let url = server.url
        let run = await onThread { FeedRun.drain(try! WebSocketFeed(url: url, options: testOptions())) }
        await server.stop()

        #expect(run.ticks == [
            Tick(timestamp: Self.t0, price: 3000.5, gasGwei: 25, impliedVolatility: 0.6),
            Tick(timestamp: Self.t0 + 1_000, price: 3001.25),
            Tick(timestamp: Self.t0 + 2_000, price: 3002),
            Tick(timestamp: Self.t0 + 3_000, price: 3003, impliedVolatility: 0.55),
        ])
        #expect(run.issues.isEmpty, "\(run.issues.details)")
        #expect(run.endReason == .serverClosed(reason: nil))
        #expect(run.connections == 1)
        #expect(run.connectionFinished)
    }

    @Test func reconnectsAfterADroppedConnectionWithoutDuplicates() async throws {
        let server = try await TestServer.start { c in
            if c.index == 0 {
                for i in 0..<3 { try await c.send(tickJSON(Self.t0 + Int64(i) * 1_000, 3000 + Double(i))) }
                try await Task.sleep(for: .milliseconds(100))
                try await c.drop()
            } else {
                // The server replays from tick 1: ticks 1 and 2 were already delivered.
                for i in 1..<6 { try await c.send(tickJSON(Self.t0 + Int64(i) * 1_000, 3000 + Double(i))) }
            }
        }
        let url = server.url
        let run = await onThread { FeedRun.drain(try! WebSocketFeed(url: url, options: testOptions())) }
        let accepted = await server.connections
        await server.stop()

        #expect(run.ticks.map(\.timestamp) == (0..<6).map { Self.t0 + Int64($0) * 1_000 })
        #expect(run.ticks.map(\.price) == (0..<6).map { 3000 + Double($0) })
        #expect(run.connections == 2)
        #expect(accepted == 2)
        #expect(run.issues.count(of: .timestampBackwards) == 1)
        #expect(run.issues.count(of: .duplicateTimestamp) == 1)
        #expect(run.issues.details.map(\.line) == [4, 5])
        #expect(run.endReason == .serverClosed(reason: nil))
        #expect(run.notes.contains { $0.contains("reconnect 1 of 3") }, "\(run.notes)")
        #expect(run.connectionFinished)
    }

    @Test func aSilentServerMakesTheFeedStale() async throws {
        // The server stays silent after the first tick until the consumer has seen the feed go
        // stale, then sends two ticks back to back.
        let staleAfter: Duration = .seconds(2)
        let staleSeen = TestGate()
        let firstSent = SharedInstant()
        let server = try await TestServer.start { c in
            firstSent.record()
            try await c.send(tickJSON(Self.t0, 3000))
            await staleSeen.wait()
            try await c.send(tickJSON(Self.t0 + 1_000, 3001))
            try await c.send(tickJSON(Self.t0 + 2_000, 3002))
        }
        let url = server.url
        let run = await onThread {
            let feed = try! WebSocketFeed(url: url, options: testOptions(staleAfter: staleAfter))
            return FeedRun.drain(feed) { run, feed, tick in
                if tick.timestamp == Self.t0 {
                    // Not stale yet: provably so while less than `staleAfter` has passed since
                    // the server sent the tick (on a very busy machine more may have).
                    let stale = feed.staleFor
                    let sinceSent = firstSent.value.map { $0.duration(to: .now) } ?? .zero
                    run.observations["fresh after the first tick"] = stale == nil || sinceSent >= staleAfter
                    run.observations["stale during the silence"] = waitOnThread { feed.staleFor != nil }
                        && (feed.staleFor ?? .zero) >= staleAfter && feed.staleSince != nil
                    staleSeen.open()
                }
            }
        }
        staleSeen.open()
        await server.stop()

        #expect(run.observations == ["fresh after the first tick": true, "stale during the silence": true])
        #expect(run.ticks.map(\.timestamp) == [Self.t0, Self.t0 + 1_000, Self.t0 + 2_000])
        #expect(run.ticks.map(\.flags) == [[], .afterGap, []])
        #expect(run.staleEvents == 1)
        let gap = try #require(run.staleGap)
        #expect(gap.from == Self.t0 && gap.to == Self.t0 + 1_000 && gap.line == 2 && gap.duration == 1_000)
        #expect(gap.silence >= staleAfter)
        #expect(run.issues.count(of: .gap) == 1)
        #expect(run.issues.rejectedRows == 0)
        #expect(run.connectionFinished)
    }

    @Test func malformedMessagesAreCountedNotFatal() async throws {
        let messages = [
            tickJSON(Self.t0, 3000),                                  // 1 good
            "not json",                                               // 2 malformed
            #"{"price": 3000}"#,                                      // 3 no timestamp
            #"{"timestamp": 1764057601000, "price": -1}"#,            // 4 bad price
            #"{"timestamp": 1764057601000, "price": NaN}"#,           // 5 bad price (Python's NaN)
            #"{"ts": "yesterday", "p": 1}"#,                          // 6 bad timestamp
            #"{"timestamp": 1764057601000, "price": "abc"}"#,         // 7 price not a number
            #"{"timestamp": 1764057601000}"#,                         // 8 no price
            #"{"timestamp": 1764057601000, "price": 1, "iv": -0.5}"#, // 9 bad iv
            "[1, 2, 3]",                                              // 10 not an object
            #"{"timestamp": 1764057601000, "price": 3001"#,           // 11 truncated
            tickJSON(Self.t0 + 1_000, 3001),                          // 12 good
        ]
        let server = try await TestServer.start { c in
            for m in messages { try await c.send(m) }
        }
        let url = server.url
        let run = await onThread { FeedRun.drain(try! WebSocketFeed(url: url, options: testOptions())) }
        await server.stop()

        #expect(run.ticks.map(\.price) == [3000, 3001])
        #expect(run.issues.count(of: .malformedRow) == 7)
        #expect(run.issues.count(of: .badPrice) == 2)
        #expect(run.issues.count(of: .badTimestamp) == 1)
        #expect(run.issues.details.map(\.line) == Array(2...11))
        #expect(run.issues.details.count == 10 && run.issues.details[3].message == "price is NaN")
        #expect(run.endReason == .serverClosed(reason: nil))
        #expect(run.connectionFinished)
    }

    @Test func endsAfterMaxTicksAndClosesTheConnection() async throws {
        let server = try await TestServer.start { c in
            for i in 0..<2_000 {
                try await c.send(tickJSON(Self.t0 + Int64(i) * 1_000, 3000))
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        let url = server.url
        let run = await onThread { FeedRun.drain(try! WebSocketFeed(url: url, options: testOptions(maxTicks: 5))) }
        await server.stop()

        #expect(run.ticks.count == 5)
        #expect(run.endReason == .maxTicks(5))
        #expect(run.connectionFinished)
    }

    @Test func endsAfterMaxDurationOnASilentServer() async throws {
        // The server accepts and sends nothing until the test is over. (It used to send one
        // tick first and expect it within the limit: on busy cores the tick came too late.)
        let testOver = TestGate()
        let server = try await TestServer.start { _ in await testOver.wait() }
        let url = server.url
        let limit: Duration = .milliseconds(500)
        let started = ContinuousClock.now
        let run = await onThread { FeedRun.drain(try! WebSocketFeed(url: url, options: testOptions(maxDuration: limit))) }
        let elapsed = started.duration(to: .now)
        testOver.open()
        await server.stop()

        #expect(run.ticks.isEmpty)
        #expect(run.endReason == .maxDuration(limit))
        #expect(run.connectionFinished)
        #expect(elapsed >= limit, "the feed ended after \(elapsed), before its limit")
    }

    @Test func smallBufferLosesNothing() async throws {
        let server = try await TestServer.start { c in
            for i in 0..<200 { try await c.send(tickJSON(Self.t0 + Int64(i) * 1_000, 3000 + Double(i))) }
        }
        let url = server.url
        let run = await onThread {
            let feed = try! WebSocketFeed(url: url, options: testOptions(bufferCapacity: 4))
            // Let the producer fill the buffer, and so wait for room, before reading.
            let filled = waitOnThread { feed.bridge.pendingCount == 4 }
            var run = FeedRun.drain(feed)
            run.observations["the buffer filled before reading"] = filled
            return run
        }
        await server.stop()

        #expect(run.observations == ["the buffer filled before reading": true])
        #expect(run.ticks.count == 200)
        #expect(run.ticks.map(\.timestamp) == (0..<200).map { Self.t0 + Int64($0) * 1_000 })
        #expect(run.issues.isEmpty)
    }

    @Test func givesUpWhenReconnectsAreExhausted() async throws {
        // A port that was just listening and is closed now: connects are refused on loopback.
        let server = try await TestServer.start { _ in }
        let url = server.url
        await server.stop()
        let run = await onThread {
            FeedRun.drain(try! WebSocketFeed(url: url, options: testOptions(
                reconnect: ReconnectPolicy(maxAttempts: 2, initialDelay: .milliseconds(10), maxDelay: .milliseconds(50)))))
        }
        #expect(run.ticks.isEmpty)
        guard case .reconnectsExhausted(let attempts, let error)? = run.endReason else {
            Issue.record("end reason \(String(describing: run.endReason))")
            return
        }
        #expect(attempts == 2)
        #expect(error.hasPrefix("cannot connect"))
        #expect(run.connectionFinished)
    }

    @Test func aNormalCloseReconnectsWhenEndOnCloseIsOff() async throws {
        let server = try await TestServer.start { c in
            try await c.send(tickJSON(Self.t0 + Int64(c.index) * 1_000, 3000))
        }
        let url = server.url
        let run = await onThread { FeedRun.drain(try! WebSocketFeed(url: url, options: testOptions(maxTicks: 3, endOnClose: false))) }
        await server.stop()

        #expect(run.ticks.map(\.timestamp) == [Self.t0, Self.t0 + 1_000, Self.t0 + 2_000])
        #expect(run.connections == 3)
        #expect(run.endReason == .maxTicks(3))
    }

    @Test func aConnectionThatGoesSilentIsReplaced() async throws {
        let replaced = TestGate()
        let server = try await TestServer.start { c in
            if c.index == 0 {
                try await c.send(tickJSON(Self.t0, 3000))
                await replaced.wait() // connected, but sends nothing more until the client reconnects
            } else {
                replaced.open()
                try await c.send(tickJSON(Self.t0 + 1_000, 3001))
            }
        }
        let url = server.url
        // The silence limit only has to outlast the first tick's delivery: 10 s is a wide margin
        // for busy cores (2 s lost the first tick once, with CI and two test runs on 2 cores);
        // the second tick comes after the reconnect, so after the silence, whatever the load.
        let run = await onThread {
            FeedRun.drain(try! WebSocketFeed(url: url, options: testOptions(staleAfter: .seconds(1), reconnectAfterSilence: .seconds(10))))
        }
        replaced.open()
        await server.stop()

        #expect(run.ticks.map(\.timestamp) == [Self.t0, Self.t0 + 1_000])
        #expect(run.ticks.map(\.flags) == [[], .afterGap])
        #expect(run.connections == 2)
        #expect(run.notes.contains { $0.hasPrefix("no message for") }, "\(run.notes)")
        #expect(run.endReason == .serverClosed(reason: nil))
    }

    @Test func closeStopsTheConnectionTask() async throws {
        let server = try await TestServer.start { c in
            for i in 0..<1_000 {
                try await c.send(tickJSON(Self.t0 + Int64(i) * 1_000, 3000))
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        let url = server.url
        let result = await onThread { () -> (Bool, Bool, WebSocketFeed.EndReason?) in
            let feed = try! WebSocketFeed(url: url, options: testOptions())
            _ = try? feed.next()
            let finished = feed.close(timeout: hangGuard)
            let afterClose = (try? feed.next()) == nil
            return (finished, afterClose && feed.isConnectionFinished, feed.endReason)
        }
        await server.stop()
        #expect(result.0)
        #expect(result.1)
        #expect(result.2 == .closed)
    }

    @Test func rejectsNonWebSocketSpecs() throws {
        #expect(throws: WebSocketFeedError.self) { try WebSocketFeed(url: "gbm:spot=1,vol=0.5,days=1,step=1h") }
        #expect(throws: FeedSpecError.self) { try WebSocketFeed(url: "ws://host:99999/x") }
        let gbm = try FeedSpec.parse("gbm:spot=1,vol=0.5,days=1,step=1h")
        #expect(try gbm.makeSourceIncludingLive() is GBMPath)
    }
}
#endif
