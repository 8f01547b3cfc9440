// `dry-run` on a live feed: needs the WebSocket transport and a Hummingbird server.
#if LiveFeed
import Foundation
import HedgeplanJournal
import HedgeplanTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The built `hedgeplan` on a loopback feed, as a user runs it: Ctrl-C ends the run with
/// the summary so far (exit 130), the journal is committed on time while ticks flow, and a
/// refused connection is reported on standard error while the feed retries. Each test waits
/// for an event (a journal checkpoint, a line on standard error) before it signals.
@Suite(.timeLimit(.minutes(10)))
struct LiveDryRunTests {
    static let t0: Int64 = 1_764_057_600_000

    /// Sends a tick every 20 ms (30 s apart in feed time) until the client goes away, or
    /// 6,000 ticks (a guard against a hang).
    static func tickingServer() async throws -> TestServer {
        try await TestServer.start { c in
            for i in 0..<6_000 {
                let price = 3000 + 5 * sin(Double(i) / 40)
                try await c.send(tickJSON(Self.t0 + Int64(i) * 30_000, price))
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    @Test func ctrlCEndsALiveRunWithTheSummarySoFarAndACommittedJournal() async throws {
        let server = try await Self.tickingServer()
        let journal = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { unlink(journal + suffix) } }
        let child = try HedgeplanChild.start([
            "dry-run", "strategies/eth-iron-condor-perp-hedged.yaml", "--feed", server.url, "--format", "json",
            "--no-progress", "--journal", journal,
        ])
        defer { child.cleanUp() }
        // The journal batches 50,000 ticks; a checkpoint long before that is the once-a-second commit.
        let checkpoint = await onThread {
            var progress: JournalProgress?
            _ = waitOnThread { progress = (try? RunJournal.inspect(path: journal))?.progress; return progress != nil || !child.process.isRunning }
            return progress
        }
        let committed = try #require(checkpoint, "no checkpoint while the run was live: \(child.stderr())")
        #expect(committed.tickIndex < 49_999)
        kill(child.process.processIdentifier, SIGINT)
        await onThread { child.process.waitUntilExit() }
        await server.stop()

        #expect(child.process.terminationReason == .exit)
        #expect(child.process.terminationStatus == 130, "\(child.stderr())")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(child.stdout().utf8)) as? [String: Any], "\(child.stdout())")
        let ticks = try #require(summary["ticks"] as? Int)
        #expect(ticks >= committed.tickIndex + 1)
        let notes = summary["notes"] as? [String] ?? []
        #expect(notes.contains(HedgeplanChild.interruptedNote(ticks: ticks)), "\(notes)")
        #expect(notes.contains { $0.hasPrefix("live WebSocket feed \(server.url): 1 connection") }, "\(notes)")
        let stored = try RunJournal.inspect(path: journal)
        #expect(stored.header?.finished == false)
        #expect(stored.progress?.tickIndex == ticks - 1)
    }

    @Test func aRefusedConnectionIsReportedWhileRetrying() async throws {
        // A port that was just listening and is now closed: connections are refused.
        let closed = try await TestServer.start { _ in }
        let url = closed.url
        await closed.stop()
        let child = try HedgeplanChild.start(["dry-run", "strategies/eth-iron-condor-perp-hedged.yaml", "--feed", url, "--no-progress"])
        defer { child.cleanUp() }
        let endpoint = url.replacingOccurrences(of: "ws://", with: "").replacingOccurrences(of: "/ticks", with: "")
        let reported = await onThread {
            waitOnThread { child.stderr().contains("retrying in") || !child.process.isRunning }
        }
        #expect(reported)
        let stderr = child.stderr()
        #expect(stderr.contains("\(url): warning: cannot connect to \(endpoint): "), "\(stderr)")
        #expect(stderr.contains("(attempt 1 of 8)"), "\(stderr)")
        kill(child.process.processIdentifier, SIGINT)
        await onThread { child.process.waitUntilExit() }
        #expect(child.process.terminationStatus == 130, "\(child.stderr())")
        #expect(child.stderr().contains("interrupted (Ctrl-C) before the feed gave a tick: nothing ran"), "\(child.stderr())")
        #expect(child.stdout().isEmpty)
    }

    @Test func maxTicksEndsALiveRun() async throws {
        let server = try await Self.tickingServer()
        let child = try HedgeplanChild.start([
            "dry-run", "strategies/eth-iron-condor-perp-hedged.yaml", "--feed", server.url, "--format", "json", "--max-ticks", "25",
        ])
        defer { child.cleanUp() }
        await onThread { child.process.waitUntilExit() }
        await server.stop()
        #expect(child.process.terminationStatus == 0, "\(child.stderr())")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(child.stdout().utf8)) as? [String: Any])
        #expect(summary["ticks"] as? Int == 25)
        #expect((summary["notes"] as? [String] ?? []).contains("ended: 25 ticks delivered (the limit)"))
    }
}

#endif
