import Foundation
import HedgeplanJournal
import Testing

#if canImport(Glibc)
import Glibc
import HedgeplanTestSupport
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
        let plain = try HedgeplanProcess.run(Self.arguments)
        try #require(plain.status == 0, "\(plain.stderr)")

        // Start a journaled run, wait for its first committed checkpoint, kill it.
        let child = try HedgeplanChild.start(Self.arguments + ["--journal", path])
        defer { child.cleanUp() }
        let deadline = Date().addingTimeInterval(HedgeplanChild.hangGuard)
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
        let refused = try HedgeplanProcess.run(Self.arguments + ["--journal", path])
        #expect(refused.status == 1)
        // Under --format json the refusal is a JSON diagnostic on standard output.
        #expect(refused.stdout.contains("use --resume to continue it"))
        #expect(refused.stdout.contains("\"rule\" : \"journal\""))

        let resumed = try HedgeplanProcess.run(Self.arguments + ["--journal", path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout == plain.stdout, "the resumed run's JSON differs from the uninterrupted run's")
        #expect(try RunJournal.inspect(path: path).header?.finished == true)

        // A finished journal prints its stored result, byte for byte, without running.
        let stored = try HedgeplanProcess.run(Self.arguments + ["--journal", path, "--resume"])
        #expect(stored.status == 0)
        #expect(stored.stdout == plain.stdout)
    }

    @Test func resumeNeedsAJournal() throws {
        let result = try HedgeplanProcess.run(["dry-run", "strategies/eth-iron-condor-perp-hedged.yaml", "--feed", "gbm:spot=3000,vol=0.8,days=1,step=1h", "--resume"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--resume needs --journal FILE"))
    }

    @Test func noProgressLineWhenStandardErrorIsNotATerminal() throws {
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        let result = try HedgeplanProcess.run(
            ["dry-run", "strategies/eth-iron-condor-perp-hedged.yaml", "--feed", "gbm:spot=3000,vol=0.8,days=30,step=1m,seed=5", "--journal", path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("dry run"))
    }
}

