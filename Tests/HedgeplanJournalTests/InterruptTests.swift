import Foundation
import HedgeplanJournal
import Testing

#if canImport(Glibc)
import Glibc
import HedgeplanTestSupport
#endif

/// Ctrl-C (SIGINT) sent to the built `hedgeplan` mid-run: it prints the summary so far,
/// commits the journal without finishing it and exits with 130; `--resume` then finishes
/// the run with exactly the uninterrupted result.
struct InterruptTests {
    static let arguments = KillAndResumeTests.arguments

    @Test(.timeLimit(.minutes(30))) func ctrlCPrintsTheRunSoFarAndResumeFinishesIt() throws {
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        let plain = try HedgeplanProcess.run(Self.arguments)
        try #require(plain.status == 0, "\(plain.stderr)")
        let full = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])

        // Start a journaled run; once its first checkpoint is committed the run is under
        // way (the handler is installed before the first tick): press Ctrl-C.
        let child = try HedgeplanChild.start(Self.arguments + ["--journal", path])
        defer { child.cleanUp() }
        let deadline = Date().addingTimeInterval(HedgeplanChild.hangGuard)
        var signalled = false
        while Date() < deadline, child.process.isRunning {
            if (try? RunJournal.inspect(path: path))?.progress != nil {
                kill(child.process.processIdentifier, SIGINT)
                signalled = true
                break
            }
            usleep(20_000)
        }
        child.process.waitUntilExit()
        try #require(signalled, "the run ended or stalled before its first checkpoint: \(child.stderr())")
        #expect(child.process.terminationReason == .exit)
        #expect(child.process.terminationStatus == 130, "\(child.stderr())")

        // The summary so far, as JSON, saying it was interrupted.
        let sofar = try #require(try JSONSerialization.jsonObject(with: Data(child.stdout().utf8)) as? [String: Any], "\(child.stdout())")
        let ticks = try #require(sofar["ticks"] as? Int)
        #expect(ticks > 0 && ticks < (full["ticks"] as? Int ?? 0))
        let notes = sofar["notes"] as? [String] ?? []
        #expect(notes.contains(HedgeplanChild.interruptedNote(ticks: ticks)), "\(notes)")

        // The journal holds the run up to its last tick, unfinished.
        let journal = try RunJournal.inspect(path: path)
        #expect(journal.header?.finished == false)
        #expect(journal.progress?.tickIndex == ticks - 1)

        let resumed = try HedgeplanProcess.run(Self.arguments + ["--journal", path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout == plain.stdout, "the resumed run's JSON differs from the uninterrupted run's")
    }
}
