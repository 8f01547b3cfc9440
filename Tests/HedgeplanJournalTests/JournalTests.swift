import Feeds
import Foundation
import GRDB
import PlanFormat
import HedgeplanRuntime
@testable import HedgeplanJournal
import Testing

/// The journal in process: round trip, resume after a crash, refusals, divergence.
@Suite struct JournalTests {
    @Test func aJournaledRunRecordsEveryEventAndPrintsWhatAPlainRunPrints() throws {
        let plan = try JournalFixtures.busyPlan()
        let plain = try JournalFixtures.plainRun(plan, feed: JournalFixtures.feed)
        #expect(plain.events.rebalances.count > 4096, "the fixture should rebalance often (chunked reads, early commits)")
        #expect(!plain.events.breakers.isEmpty, "the fixture should trip breakers")

        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        let json = try JournalFixtures.journaledRun(plan, feed: JournalFixtures.feed, journal: path, resume: false)
        #expect(json == plain.json)

        let journal = try RunJournal(path: path)
        defer { journal.close() }
        let header = try #require(try journal.header())
        #expect(header.finished)
        #expect(header.identity == RunIdentity(plan: plan, feed: JournalFixtures.feed))
        #expect(header.result?.json == plain.json)
        #expect(try journal.progress()?.tickIndex == plain.events.ticks - 1)
        #expect(try journal.rebalances().map(\.record) == plain.events.rebalances)
        #expect(try journal.breakerEvents().map(\.event) == plain.events.breakers)
    }

    @Test(arguments: [1, 999, 1000, 1001, 17_333])
    func resumingAfterACrashGivesTheUninterruptedResult(crashAfter: Int) throws {
        let plan = try JournalFixtures.busyPlan()
        let plain = try JournalFixtures.plainRun(plan, feed: JournalFixtures.feed)
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }

        #expect(throws: Crash.self) {
            try JournalFixtures.journaledRun(plan, feed: JournalFixtures.feed, journal: path, resume: false, crashAfter: crashAfter)
        }
        let (header, progress, _) = try RunJournal.inspect(path: path)
        #expect(header?.finished == false)
        // Commits happen at batch boundaries only: what was processed after the last one is lost.
        #expect((progress?.tickIndex ?? -1) < crashAfter)

        // A second crash during the resume, then a resume that finishes.
        #expect(throws: Crash.self) {
            try JournalFixtures.journaledRun(plan, feed: JournalFixtures.feed, journal: path, resume: true, crashAfter: crashAfter + 4321)
        }
        let json = try JournalFixtures.journaledRun(plan, feed: JournalFixtures.feed, journal: path, resume: true)
        #expect(json == plain.json)

        let journal = try RunJournal(path: path)
        defer { journal.close() }
        #expect(try journal.rebalances().map(\.record) == plain.events.rebalances, "no event lost or journaled twice")
        #expect(try journal.breakerEvents().map(\.event) == plain.events.breakers)
    }

    @Test func manyPendingEventsCommitBeforeTheBatchIsFull() throws {
        let plan = try JournalFixtures.busyPlan()
        let plain = try JournalFixtures.plainRun(plan, feed: JournalFixtures.feed)
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        #expect(throws: Crash.self) {
            try JournalFixtures.journaledRun(plan, feed: JournalFixtures.feed, journal: path, resume: false, batchTicks: 1_000_000, crashAfter: plain.events.ticks - 1)
        }
        let (_, progress, rebalances) = try RunJournal.inspect(path: path)
        #expect(progress != nil, "4,096 pending events should have forced a commit")
        #expect(rebalances > ReplayChunk.size, "more than one chunk of events to verify on resume")
        let json = try JournalFixtures.journaledRun(plan, feed: JournalFixtures.feed, journal: path, resume: true, batchTicks: 1_000_000)
        #expect(json == plain.json)
    }

    @Test func aFinishedJournalGivesItsStoredResultWithoutRunning() throws {
        let plan = try JournalFixtures.plan("eth-iron-condor-perp-hedged")
        let feed = "gbm:spot=3000,vol=0.8,days=5,step=1m,seed=5"
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        let json = try JournalFixtures.journaledRun(plan, feed: feed, journal: path, resume: false)
        guard case .finished(let stored) = try JournalStart.open(path: path, identity: RunIdentity(plan: plan, feed: feed), resume: true) else {
            Issue.record("a finished journal should not run again")
            return
        }
        #expect(stored.json == json)
        #expect(stored.text.contains("dry run"))
    }

    @Test func anExistingJournalIsNeverOverwrittenWithoutResume() throws {
        let plan = try JournalFixtures.plan("eth-iron-condor-perp-hedged")
        let feed = "gbm:spot=3000,vol=0.8,days=5,step=1m,seed=5"
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        #expect(throws: Crash.self) { try JournalFixtures.journaledRun(plan, feed: feed, journal: path, resume: false, crashAfter: 3000) }
        let before = try RunJournal.inspect(path: path)
        #expect(throws: JournalError.exists(path: path, state: .unfinished)) {
            try JournalFixtures.journaledRun(plan, feed: feed, journal: path, resume: false)
        }
        #expect(throws: JournalError.exists(path: path, state: .otherRun)) {
            try JournalFixtures.journaledRun(plan, feed: feed + "1", journal: path, resume: false)
        }
        #expect(try RunJournal.inspect(path: path).progress == before.progress)
        try JournalFixtures.journaledRun(plan, feed: feed, journal: path, resume: true)
        #expect(throws: JournalError.exists(path: path, state: .finished)) {
            try JournalFixtures.journaledRun(plan, feed: feed, journal: path, resume: false)
        }
    }

    @Test func resumeRefusesAnotherPlanOrFeed() throws {
        let plan = try JournalFixtures.plan("eth-iron-condor-perp-hedged")
        let feed = "gbm:spot=3000,vol=0.8,days=5,step=1m,seed=5"
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        #expect(throws: Crash.self) { try JournalFixtures.journaledRun(plan, feed: feed, journal: path, resume: false, crashAfter: 3000) }

        var other = plan
        other.strategy.name += "-edited"
        do {
            try JournalFixtures.journaledRun(other, feed: feed, journal: path, resume: true)
            Issue.record("another plan should be refused")
        } catch let error as JournalError {
            guard case .identityMismatch(_, let field, _, _) = error else { throw error }
            #expect(field.hasPrefix("plan"))
            #expect(error.description.contains("another run"))
        }
        #expect(throws: JournalError.identityMismatch(path: path, field: "feed", journaled: feed, given: "gbm:spot=3000,vol=0.8,days=5,step=1m,seed=6")) {
            try JournalFixtures.journaledRun(plan, feed: "gbm:spot=3000,vol=0.8,days=5,step=1m,seed=6", journal: path, resume: true)
        }
    }

    @Test func aReplayThatDivergesFromTheJournalStopsAtTheTick() throws {
        let plan = try JournalFixtures.busyPlan()
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        #expect(throws: Crash.self) {
            try JournalFixtures.journaledRun(plan, feed: JournalFixtures.feed, journal: path, resume: false, crashAfter: 20_000)
        }
        // Change the 10th journaled rebalance, with a matching checksum, as a changed feed
        // or program would (the journal itself is intact: this is not damage).
        var record = try #require(try RunJournal(path: path).rebalances(after: 9, limit: 1).first?.record)
        record.netDeltaAfter += 1e-9
        let tick = record.tickIndex
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(
                    sql: "UPDATE rebalance SET net_delta_after = ?, sha256 = ? WHERE id = 10",
                    arguments: [record.netDeltaAfter, RecordChecksum.of(record)])
            }
            try queue.close()
        }
        do {
            try JournalFixtures.journaledRun(plan, feed: JournalFixtures.feed, journal: path, resume: true)
            Issue.record("a tampered journal should stop the replay")
        } catch let error as JournalError {
            guard case .diverged(_, let at, let detail) = error else { throw error }
            #expect(at == tick)
            #expect(detail.contains("net delta after"))
            #expect(error.description.contains("at tick \(tick)"))
        }
        #expect(try RunJournal.inspect(path: path).header?.finished == false, "a diverged resume leaves the journal as it was")
    }

    /// A row changed behind hedgeplan's back (a flipped bit, a hand edit) no longer matches
    /// its checksum: refused as damage, naming the row, before anything is replayed.
    @Test func aDamagedRecordIsRefusedByItsChecksum() throws {
        let plan = try JournalFixtures.busyPlan()
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        #expect(throws: Crash.self) {
            try JournalFixtures.journaledRun(plan, feed: JournalFixtures.feed, journal: path, resume: false, crashAfter: 20_000)
        }
        let tick: Int
        do {
            let queue = try DatabaseQueue(path: path)
            tick = try queue.write { db in
                try db.execute(sql: "UPDATE rebalance SET net_delta_after = net_delta_after + 1e-9 WHERE id = 10")
                return try Int.fetchOne(db, sql: "SELECT tick_index FROM rebalance WHERE id = 10")!
            }
            try queue.close()
        }
        #expect(throws: JournalError.damaged(path: path, what: "rebalance 10 (tick \(tick))")) {
            try JournalFixtures.journaledRun(plan, feed: JournalFixtures.feed, journal: path, resume: true)
        }
    }

    @Test func aFeedThatEndsBeforeTheCheckpointIsAnError() throws {
        let plan = try JournalFixtures.plan("eth-iron-condor-perp-hedged")
        let feed = "gbm:spot=3000,vol=0.8,days=5,step=1m,seed=5"
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        #expect(throws: Crash.self) { try JournalFixtures.journaledRun(plan, feed: feed, journal: path, resume: false, crashAfter: 5000) }
        // Stand-in for a CSV that lost rows: the same identity, a feed 2,000 ticks long.
        let short = "gbm:spot=3000,vol=0.8,days=5,step=1m,seed=5"
        guard case .run(let recorder) = try JournalStart.open(path: path, identity: RunIdentity(plan: plan, feed: short), resume: true) else {
            Issue.record("expected an unfinished journal")
            return
        }
        defer { recorder.journal.close() }
        var interpreter = Interpreter(plan: plan, observer: recorder)
        let source = JournalFixtures.crashing(try FeedSpec.parse(short).makeSource(), after: 2000)
        var ended = EndingSource(base: source)
        _ = try withExtendedLifetime(recorder) { try interpreter.run(&ended) }
        #expect(throws: JournalError.feedEndedEarly(path: path, ticks: 2000, committed: 4999)) {
            try recorder.finish(StoredResult(json: "", text: ""))
        }
    }

    @Test func aFileThatIsNotAJournalIsLeftUntouched() throws {
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        let text = Data("timestamp,price\n".utf8)
        _ = FileManager.default.createFile(atPath: path, contents: text)
        do {
            _ = try RunJournal(path: path)
            Issue.record("a CSV is not a journal")
        } catch let error as JournalError {
            guard case .notAJournal = error else { throw error }
        }
        #expect(FileManager.default.contents(atPath: path) == text)

        // Another application's SQLite database.
        let other = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(other) }
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        do {
            _ = try RunJournal(path: other)
            Issue.record("another database is not a journal")
        } catch let error as JournalError {
            guard case .notAJournal = error else { throw error }
        }
    }

    @Test func aJournalOpenInOneHandleCannotBeOpenedAgain() throws {
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        let first = try RunJournal(path: path)
        #expect(throws: JournalError.inUse(path: path)) { _ = try RunJournal(path: path) }
        first.close()
        let again = try RunJournal(path: path)
        again.close()
    }

    @Test func theJournalIsInWALModeWithItsMarks() throws {
        let path = JournalFixtures.scratchJournal()
        defer { JournalFixtures.remove(path) }
        RunJournalHolder.open(path)
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let (mode, application, version) = try queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int32.fetchOne(db, sql: "PRAGMA application_id"),
             try Int.fetchOne(db, sql: "PRAGMA user_version"))
        }
        #expect(mode == "wal")
        #expect(application == JournalSchema.applicationID)
        #expect(version == JournalSchema.version)
    }
}

/// Opens and closes a journal (creating its schema).
enum RunJournalHolder {
    static func open(_ path: String) {
        (try? RunJournal(path: path))?.close()
    }
}

/// Turns `Crash` into the end of the feed: a feed shorter than the journaled one.
struct EndingSource: TickSource {
    var base: any TickSource

    mutating func next() throws -> Tick? {
        do { return try base.next() } catch is Crash { return nil }
    }
}
