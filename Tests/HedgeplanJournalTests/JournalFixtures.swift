import Feeds
import Foundation
import PlanFormat
import HedgeplanCompiler
import HedgeplanIR
import HedgeplanJournal
import HedgeplanReports
import HedgeplanRuntime
import HedgeplanTestSupport
import HedgeplanCompiledFixtures

/// Plans, feeds and runs shared by the journal tests.
enum JournalFixtures {
    static let packageRoot = PackageRoot.url

    /// A bundled strategy, compiled at a pinned clock.
    static func plan(_ strategy: String) throws -> HedgingPlan {
        let compiled = BundledStrategies.compile(strategy, history: nil)
        guard let plan = compiled.plan else { throw FixtureError(message: "\(strategy) does not compile: \(compiled.diagnostics)") }
        return plan
    }

    /// The hedged short straddle (thousands of rebalances) with a tight price-move breaker
    /// that pauses hedging, so that runs also trip breakers.
    static func busyPlan() throws -> HedgingPlan {
        var plan = try plan("eth-short-straddle-hedged")
        plan.safety = [BreakerRule(condition: .priceMove, windowSeconds: 900, threshold: 0.012, action: .pause, pauseSeconds: 1800)]
        return plan
    }

    static let feed = "gbm:spot=3000,vol=1.2,days=20,step=1m,seed=3"

    /// A scratch journal path, removed (with its -wal and -shm) by `remove`.
    static func scratchJournal() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("hedgeplan-journal-\(UUID().uuidString).db").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// An uninterrupted run without a journal, and every event it produced.
    static func plainRun(_ plan: HedgingPlan, feed: String) throws -> (json: String, events: EventCapture) {
        let capture = EventCapture()
        var interpreter = Interpreter(plan: plan, observer: capture)
        let result = try run(&interpreter, try FeedSpec.parse(feed).makeSource())
        return (RunReport(result).json(), capture)
    }

    /// A journaled run: opens the journal, runs (stopping with `Crash` after `crashAfter`
    /// ticks when given, as a killed process would, without committing anything more) and
    /// on success finishes the journal. Returns the JSON the run printed.
    @discardableResult
    static func journaledRun(
        _ plan: HedgingPlan, feed: String, journal path: String, resume: Bool, batchTicks: Int = 1000, crashAfter: Int? = nil
    ) throws -> String {
        switch try JournalStart.open(path: path, identity: RunIdentity(plan: plan, feed: feed), resume: resume, batchTicks: batchTicks) {
        case .finished(let stored):
            return stored.json
        case .run(let recorder):
            defer { recorder.journal.close() }
            var interpreter = Interpreter(plan: plan, observer: recorder)
            var source = try FeedSpec.parse(feed).makeSource()
            if let crashAfter { source = crashing(source, after: crashAfter) }
            let result = try withExtendedLifetime(recorder) { try run(&interpreter, recorder.guarded(source)) }
            let report = RunReport(result)
            try recorder.finish(StoredResult(json: report.json(), text: report.text()))
            return report.json()
        }
    }

    static func run<S: TickSource>(_ interpreter: inout Interpreter, _ source: S) throws -> RunResult {
        var feed = source
        return try interpreter.run(&feed)
    }

    static func crashing(_ source: any TickSource, after ticks: Int) -> any TickSource {
        func wrap<S: TickSource>(_ base: S) -> any TickSource { CrashingSource(base: base, remaining: ticks) }
        return wrap(source)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Thrown by `CrashingSource`: the process "dies" here.
struct Crash: Error {}

/// Gives `remaining` ticks, then throws `Crash`.
struct CrashingSource<Base: TickSource>: TickSource {
    var base: Base
    var remaining: Int

    mutating func next() throws -> Tick? {
        guard remaining > 0 else { throw Crash() }
        remaining -= 1
        return try base.next()
    }
}

/// Records every event a run produces, as the journal would hold them.
final class EventCapture: RunObserver {
    var rebalances: [RebalanceRecord] = []
    var breakers: [JournaledBreakerEvent] = []
    var ticks = 0

    func tickProcessed(index: Int, tick: Tick, equity: Double) { ticks = index + 1 }
    func rebalanced(_ record: RebalanceRecord) { rebalances.append(record) }
    func breakerTripped(_ event: BreakerEvent) { breakers.append(JournaledBreakerEvent(event, tickIndex: ticks)) }
}

/// The verifier reads journaled events 2,048 at a time.
enum ReplayChunk {
    static let size = 2048
}
