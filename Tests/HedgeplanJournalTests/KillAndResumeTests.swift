import Foundation
import HedgeplanJournal
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real thing: the built `hedgeplan` is killed with SIGKILL mid-run, and `--resume`
/// then prints exactly what an uninterrupted run prints.
@Suite(.serialized) struct KillAndResumeTests {
    /// About a million one-minute ticks: several seconds in a debug build, so the kill
    /// lands mid-run (the first checkpoint is at 50,000 ticks). The short straddle is priced
    /// with Black-Scholes and does not roll, which keeps a debug build's run short.
    static let arguments = [
        "dry-run", "strategies/eth-short-straddle-hedged.yaml",
        "--feed", "gbm:spot=3000,vol=0.8,days=720,step=1m,seed=5", "--format", "json",
    ]

    @Test(.timeLimit(.minutes(30))) func resumeAfterSIGKILLPrintsTheUninterruptedRunsResult() throws {
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        let plain = try CLIProcess.run(Self.arguments)
        try #require(plain.status == 0, "\(plain.stderr)")

        // Start a journaled run, wait for its first committed checkpoint, kill it.
        let child = try CLIProcess.start(Self.arguments + ["--journal", path])
        defer { child.cleanUp() }
        let deadline = Date().addingTimeInterval(CLIProcess.hangGuard)
        var killedAt: JournalProgress?
        while Date() < deadline, child.process.isRunning {
            if let progress = (try? RunJournal.inspect(path: path))?.progress {
                kill(child.process.processIdentifier, SIGKILL)
                killedAt = progress
                break
            }
            usleep(20_000)
        }
        child.process.waitUntilExit()
        try #require(killedAt != nil, "the run ended or stalled before its first checkpoint: \(child.stderr())")
        #expect(child.process.terminationReason == .uncaughtSignal)
        let afterKill = try RunJournal.inspect(path: path)
        try #require(afterKill.header?.finished == false, "the kill should land before the run finished")
        #expect(child.stdout().isEmpty)

        // Without --resume the journal is refused, untouched.
        let refused = try CLIProcess.run(Self.arguments + ["--journal", path])
        #expect(refused.status == 1)
        // Under --format json the refusal is a JSON diagnostic on standard output.
        #expect(refused.stdout.contains("use --resume to continue it"))
        #expect(refused.stdout.contains("\"rule\" : \"journal\""))

        let resumed = try CLIProcess.run(Self.arguments + ["--journal", path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout == plain.stdout, "the resumed run's JSON differs from the uninterrupted run's")
        #expect(try RunJournal.inspect(path: path).header?.finished == true)

        // A finished journal prints its stored result, byte for byte, without running.
        let stored = try CLIProcess.run(Self.arguments + ["--journal", path, "--resume"])
        #expect(stored.status == 0)
        #expect(stored.stdout == plain.stdout)
    }

    @Test func resumeNeedsAJournal() throws {
        let result = try CLIProcess.run(["dry-run", "strategies/eth-iron-condor-perp-hedged.yaml", "--feed", "gbm:spot=3000,vol=0.8,days=1,step=1h", "--resume"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--resume needs --journal FILE"))
    }

    @Test func noProgressLineWhenStandardErrorIsNotATerminal() throws {
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        let result = try CLIProcess.run(
            ["dry-run", "strategies/eth-iron-condor-perp-hedged.yaml", "--feed", "gbm:spot=3000,vol=0.8,days=30,step=1m,seed=5", "--journal", path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("dry run"))
    }
}

/// Runs the built `hedgeplan` (beside the test bundle; the test target depends on it).
struct CLIProcess {
    let process: Process
    let scratch: URL

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        let beside = Bundle.main.bundleURL.appendingPathComponent("hedgeplan")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("hedgeplan")
    }

    /// Starts the process with output to files (never a pipe that could fill and block it).
    static func start(_ arguments: [String]) throws -> CLIProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["HEDGEPLAN_NOW"] = "2026-11-25T12:00:00Z"
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hedgeplan-journal-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for name in ["stdout", "stderr"] { _ = FileManager.default.createFile(atPath: scratch.appendingPathComponent(name).path, contents: nil) }
        process.standardOutput = try FileHandle(forWritingTo: scratch.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: scratch.appendingPathComponent("stderr"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return CLIProcess(process: process, scratch: scratch)
    }

    /// Seconds after which a run counts as hung and is killed: a guard, not a speed test,
    /// so generous enough for a debug build on cores busy with other work (a 30-day run
    /// took over 60 s there).
    static let hangGuard: Double = 600

    /// Runs to the end, killed after `timeout` seconds.
    static func run(_ arguments: [String], timeout: Double = hangGuard) throws -> Result {
        let start = Date()
        let child = try Self.start(arguments)
        defer { child.cleanUp() }
        let watchdog = DispatchWorkItem { [process = child.process] in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        child.process.waitUntilExit()
        watchdog.cancel()
        let status = child.process.terminationReason == .uncaughtSignal ? -child.process.terminationStatus : child.process.terminationStatus
        return Result(status: status, stdout: child.stdout(), stderr: child.stderr(), seconds: Date().timeIntervalSince(start))
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
