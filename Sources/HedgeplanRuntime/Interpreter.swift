import Feeds
import PlanFormat

/// Runs a plan against a feed: one `HedgeBook` stepped over every tick, trading on the
/// plan's venues, which are arbitraged back to the feed's price between ticks.
/// Deterministic: the same plan and feed give the same result, byte for byte, which is what
/// journal replay relies on.
public struct Interpreter {
    public let plan: HedgingPlan
    /// Held strongly: a weakly referenced object pays the slow reference-counting path on
    /// every retain, and the loop calls the observer on every tick. Observers never own
    /// the interpreter, so there is no cycle.
    public var observer: RunObserver?
    /// How the run treats a plan far from the feed (`--rebase`).
    public var options = RunOptions()
    /// Checks on every tick that the P&L components add up to the change in equity (tests).
    public var checksInvariant = false
    /// Keep the series, the trade list and the equity path (`HedgeBook(keepsDetail:)`);
    /// Monte Carlo turns it off and keeps only each path's outcome.
    public var keepsDetail = true
    /// Record what the HTML report needs beyond the rest of the result: the series it draws
    /// (`RunResult.series`: price, deltas, hedge and P&L components, thinned to a thousand
    /// buckets), equity at each UTC day's close (`RunResult.dailyEquity`) and the feed's
    /// price at each trade (`TradeRecord.spot`), see `RunRecording`. About 6% of a run's
    /// time on a fast feed (BENCHMARKS.md), so `dry-run` turns it off when it writes no
    /// report. On by default.
    public var recordsReportDetail = true
    /// The largest |components − equity| seen when `checksInvariant` is on, QUOTE.
    public private(set) var worstInvariantError = 0.0

    public init(plan: HedgingPlan, observer: RunObserver? = nil) {
        self.plan = plan
        self.observer = observer
    }

    public enum RunError: Error, CustomStringConvertible {
        case emptyFeed
        case venue(String)
        case planFarFromFeed(String)

        public var description: String {
            switch self {
            case .emptyFeed: return "the feed has no usable ticks"
            case .venue(let why): return "cannot set up the venues: \(why)"
            case .planFarFromFeed(let why): return why
            }
        }
    }

    // `dry-run` hands its feed over as `BufferedTicks` (from another module, which cannot
    // specialise this generic function itself).
    @_specialize(where Source == BufferedTicks)
    public mutating func run<Source: TickSource>(_ feed: inout Source) throws -> RunResult {
        // Daily equity and the price at each trade, for the report (not for Monte Carlo).
        let recording = keepsDetail && recordsReportDetail ? RunRecording(forwardingTo: observer) : nil
        let book = try finalBook(&feed, recording: recording)
        var result = book.result(issues: feed.issues, feedNotes: feed.notes)
        recording?.complete(&result)
        result.hedgesDelta = plan.hedge?.delta != nil
        return result
    }

    /// Steps a book over the whole feed and returns it as the last tick left it: what
    /// `run` summarises into a `RunResult`, and what Monte Carlo reduces to a few numbers
    /// per path (`HedgeBook.outcome`; paths that share their first tick step copies of one
    /// `BookOpening` instead).
    // Monte Carlo replays recorded ticks from another module, which cannot specialise this
    // generic function itself: without this, every tick would go through the protocol witness.
    @_specialize(where Source == RecordedTicks)
    public mutating func finalBook<Source: TickSource>(_ feed: inout Source) throws -> HedgeBook {
        try finalBook(&feed, recording: nil)
    }

    /// The book and venues as they stand at `first`, before that tick is stepped: the
    /// structure opened at its price, the venues built around it.
    public func open(at first: Tick) throws -> BookOpening {
        if let why = HedgeBook.refusal(plan: plan, firstTick: first, options: options) { throw RunError.planFarFromFeed(why) }
        let venues: VenueBook
        do { venues = try VenueBook(plan: plan, spot: first.price) } catch { throw RunError.venue("\(error)") }
        var book = HedgeBook(plan: plan, firstTick: first, options: options, keepsDetail: keepsDetail, recordsSeries: recordsReportDetail)
        book.checksInvariant = checksInvariant
        return BookOpening(firstTick: first, book: book, venues: venues)
    }

    private mutating func finalBook<Source: TickSource>(_ feed: inout Source, recording: RunRecording?) throws -> HedgeBook {
        guard let first = try feed.next() else { throw RunError.emptyFeed }
        let start = try open(at: first)
        var book = start.book, venues = start.venues
        try Self.step(&book, &venues, from: first, rest: &feed, observer: recording ?? observer, recording: recording)
        worstInvariantError = book.worstInvariantError
        return book
    }

    /// Steps `book` on `venues` over `first` and every tick after it in `feed`.
    @inline(__always)
    static func step<Source: TickSource>(
        _ book: inout HedgeBook, _ venues: inout VenueBook, from first: Tick, rest feed: inout Source, observer: RunObserver?,
        recording: RunRecording?
    ) throws {
        // The structure's opening trades were made at the first tick's price.
        recording?.tradesNow(book.trades.count, at: first.price)
        var tick = first
        while true {
            venues.arbitrage(to: tick.price)
            book.step(tick, venues: &venues, observer: observer)
            recording?.tradesNow(book.trades.count, at: tick.price)
            guard let next = try feed.next() else { break }
            tick = next
        }
    }
}

/// A book opened at a feed's first tick, with its venues, before that tick is stepped
/// (`Interpreter.open(at:)`): Monte Carlo paths that start at the same tick copy it instead
/// of opening the structure once per path.
public struct BookOpening: Sendable {
    public let firstTick: Tick
    let book: HedgeBook
    let venues: VenueBook

    /// The outcome of a copy of the book stepped over `feed`, which must start at
    /// `firstTick`: what a Monte Carlo path keeps, with no interpreter and no book handed
    /// back (`Interpreter.finalBook(_:)` of the same feed is the same run).
    // Monte Carlo replays recorded ticks from another module (see `finalBook`).
    @_specialize(where Source == RecordedTicks)
    public func outcome<Source: TickSource>(stepping feed: inout Source) throws -> BookOutcome {
        guard let first = try feed.next() else { throw Interpreter.RunError.emptyFeed }
        precondition(first == firstTick, "the feed starts at another tick than the book was opened at")
        var book = self.book, venues = self.venues
        try Interpreter.step(&book, &venues, from: first, rest: &feed, observer: nil, recording: nil)
        return book.outcome()
    }
}
