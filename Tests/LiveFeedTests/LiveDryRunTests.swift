// `dry-run` on a live feed: needs the WebSocket transport and a Hummingbird server.
#if LiveFeed
import Foundation
import HedgeplanJournal
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
        let child = try DryRunProcess.start([
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
        #expect(notes.contains("interrupted (Ctrl-C) after \(ticks) ticks: the figures are the run so far"), "\(notes)")
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
        let child = try DryRunProcess.start(["dry-run", "strategies/eth-iron-condor-perp-hedged.yaml", "--feed", url, "--no-progress"])
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
        let child = try DryRunProcess.start([
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

/// The built `hedgeplan` (beside the test bundle) as a child process, its output in files.
struct DryRunProcess {
    let process: Process
    let scratch: URL

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        let beside = Bundle.main.bundleURL.appendingPathComponent("hedgeplan")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("hedgeplan")
    }

    static func start(_ arguments: [String]) throws -> DryRunProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["HEDGEPLAN_NOW"] = "2026-11-25T12:00:00Z"
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hedgeplan-live-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for name in ["stdout", "stderr"] { _ = FileManager.default.createFile(atPath: scratch.appendingPathComponent(name).path, contents: nil) }
        process.standardOutput = try FileHandle(forWritingTo: scratch.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: scratch.appendingPathComponent("stderr"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return DryRunProcess(process: process, scratch: scratch)
    }

    func stdout() -> String { read("stdout") }
    func stderr() -> String { read("stderr") }

    private func read(_ name: String) -> String {
        String(decoding: (try? Data(contentsOf: scratch.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
    }

    /// Kills the process if it still runs and removes its output files.
    func cleanUp() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: scratch)
    }
}
#endif
