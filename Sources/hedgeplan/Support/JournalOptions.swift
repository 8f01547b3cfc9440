import ArgumentParser
import Feeds
import Foundation
import PlanFormat
import HedgeplanJournal
import HedgeplanReports
import HedgeplanRuntime

/// `dry-run`'s `--journal FILE`, `--resume` and `--progress/--no-progress`, and the glue
/// that attaches the journal and the progress bar to a run.
///
/// Resume is deterministic replay verified against the journal, then continue: the run
/// starts again from the feed's first tick, every decision up to the journal's last
/// checkpoint must equal the journaled one (else an error naming the tick), and from there
/// on it appends. The result is byte for byte the one an uninterrupted run prints.
struct JournalOptions: ParsableArguments {
    @Option(
        name: .customLong("journal"),
        help: ArgumentHelp(
            "Record every hedge decision, fill and breaker event, with a checkpoint every 50,000 ticks (and at least once a second on a live feed), in this SQLite file. An existing journal is never overwritten.",
            valueName: "FILE"))
    var path: String?

    @Flag(help: ArgumentHelp(
        "Continue the run recorded in --journal FILE after the process was stopped or killed: replay from the first tick, verify every decision against the journal up to its last checkpoint, then continue. The result is exactly the uninterrupted run's. A finished journal prints its stored result; a missing one starts the run."))
    var resume = false

    @Flag(inversion: .prefixedNo, help: "Show a progress line on standard error (only when it is a terminal).")
    var progress = true

    @Option(name: .customLong("journal-batch"), help: .hidden)
    var batchTicks = 50_000

    func validate() throws {
        if resume, path == nil { throw ValidationError("--resume needs --journal FILE") }
        if batchTicks < 1 { throw ValidationError("--journal-batch must be at least 1") }
    }

    /// Refuses, before any work, a `--journal` path that cannot be written (exit 74): a
    /// device, a directory, a folder that does not exist or may not be written.
    func checkPath() throws(CommandFailure) {
        guard let path else { return }
        _ = try OutputFile(checking: path, purpose: "the journal")
    }

    /// Opens the journal, or nil without `--journal`. A refused journal (another run's,
    /// an unfinished one without `--resume`, not a journal, damaged) is reported, exit 1;
    /// one that cannot be read or written exits 74. A journal file this call created is
    /// removed again when opening fails, so no stray file is left. A live `ws://` feed can
    /// be journaled but not resumed: it cannot be replayed.
    func open(plan: HedgingPlan, feed: String, limits: RunLimits) throws(CommandFailure) -> JournalStart? {
        guard let path else { return nil }
        let live = (try? FeedSpec.parse(feed))?.isLive == true
        if resume, live {
            // Resume replays the feed from its first tick: a live feed cannot be replayed.
            throw .input(.journal, path, "--resume needs a feed that can be replayed (a CSV file, gbm: or merton:); a live \(feed) feed cannot be")
        }
        let existed = FileManager.default.fileExists(atPath: path)
        do {
            let start = try JournalStart.open(path: path, identity: RunIdentity(plan: plan, feed: feed, limits: limits.identityText), resume: resume, batchTicks: batchTicks)
            // A live feed's ticks come in real time: commit at least once a second.
            if case .run(let recorder) = start, live { recorder.maxCommitInterval = .seconds(1) }
            return start
        } catch {
            if !existed {
                for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
            }
            throw .journal(error as? JournalError ?? .database(path: path, message: "\(error)"))
        }
    }

    /// The observers for a run: the journal's recorder and, on a terminal, a progress bar.
    func watch(_ start: JournalStart?, feed: FeedSpec) -> RunWatch {
        var recorder: JournalRecorder?
        if case .run(let r)? = start { recorder = r }
        var bar: ProgressBar?
        if progress, ProgressBar.isWanted(isTerminal: Terminal.standardError.isTerminal, environment: ProcessInfo.processInfo.environment) {
            let expected: Int? = switch feed {
            case .gbm(let p), .merton(let p, _), .regime(let p, _): p.steps + 1
            default: nil
            }
            bar = ProgressBar(
                expectedTicks: expected, color: Terminal.standardError.supportsColor,
                phase: { [weak recorder] in (recorder?.ticksToVerify ?? 0) > 0 ? "verifying journal" : "" },
                write: Terminal.standardError.write)
        }
        return RunWatch(recorder: recorder, bar: bar)
    }

    /// After Ctrl-C: commits what the run journaled so far and leaves the journal unfinished
    /// (a CSV or simulated feed's run can then be continued with `--resume`).
    func commitInterrupted(_ watch: RunWatch) throws(CommandFailure) {
        guard let recorder = watch.recorder else { return }
        do {
            try recorder.commitInterrupted()
        } catch {
            throw .journal(error as? JournalError ?? .database(path: recorder.journal.path, message: "\(error)"))
        }
    }

    /// Marks the journal finished with the run's output, before that output is printed (a
    /// kill in between leaves a finished journal that `--resume` prints).
    func finish(_ watch: RunWatch, _ report: RunReport) throws(CommandFailure) {
        guard let recorder = watch.recorder else { return }
        do {
            try recorder.finish(StoredResult(json: report.json(), text: report.text()))
        } catch {
            throw .journal(error as? JournalError ?? .database(path: recorder.journal.path, message: "\(error)"))
        }
    }
}

/// What watches one run. Holds its observers strongly (the interpreter's reference is
/// weak): keep it until the run is over.
final class RunWatch {
    let recorder: JournalRecorder?
    let bar: ProgressBar?
    /// The interpreter's observer, nil when nothing watches.
    let observer: RunObserver?

    init(recorder: JournalRecorder?, bar: ProgressBar?) {
        self.recorder = recorder
        self.bar = bar
        let all: [any RunObserver] = [recorder as (any RunObserver)?, bar as (any RunObserver)?].compactMap { $0 }
        observer = all.count > 1 ? RunObserverFanOut(all) : all.first
    }

    /// The run's feed, wrapped so that a journal failure stops the interpreter at the next
    /// tick, and so that the progress line is cleared as soon as the feed ends or fails
    /// (before anything else is printed).
    func source(_ source: any TickSource) -> any TickSource {
        let guarded = recorder?.guarded(source) ?? source
        guard let bar else { return guarded }
        func wrap<S: TickSource>(_ base: S) -> any TickSource { ProgressEndingSource(base: base, bar: bar) }
        return wrap(guarded)
    }
}

/// Clears the progress line when the feed ends or throws.
private struct ProgressEndingSource<Base: TickSource>: TickSource {
    var base: Base
    let bar: ProgressBar

    mutating func next() throws -> Tick? {
        do {
            guard let tick = try base.next() else {
                bar.end()
                return nil
            }
            return tick
        } catch {
            bar.end()
            throw error
        }
    }

    mutating func next(into ticks: inout [Tick], limit: Int) throws {
        let before = ticks.count
        do {
            try base.next(into: &ticks, limit: limit)
        } catch {
            bar.end()
            throw error
        }
        if ticks.count == before { bar.end() }
    }

    var issues: FeedIssueLog { base.issues }
    var lastGap: FeedGap? { base.lastGap }
    var notes: [String] { base.notes }
}
