import Feeds
import HedgePlan

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

    public mutating func run<Source: TickSource>(_ feed: inout Source) throws -> RunResult {
        guard let first = try feed.next() else { throw RunError.emptyFeed }
        if let why = HedgeBook.refusal(plan: plan, firstTick: first, options: options) { throw RunError.planFarFromFeed(why) }
        var venues: VenueBook
        do { venues = try VenueBook(plan: plan, spot: first.price) } catch { throw RunError.venue("\(error)") }
        var book = HedgeBook(plan: plan, firstTick: first, options: options)
        book.checksInvariant = checksInvariant
        let daily = DailyEquity(forwardingTo: observer)
        // The feed's price at every trade (the trades are appended inside `step`).
        var tradeSpots = [Double](repeating: first.price, count: book.trades.count)
        var tick = first
        while true {
            venues.arbitrage(to: tick.price)
            book.step(tick, venues: &venues, observer: daily)
            if book.trades.count != tradeSpots.count {
                tradeSpots.append(contentsOf: repeatElement(tick.price, count: book.trades.count - tradeSpots.count))
            }
            guard let next = try feed.next() else { break }
            tick = next
        }
        worstInvariantError = book.worstInvariantError
        var result = book.result(issues: feed.issues, feedNotes: feed.notes)
        for i in result.trades.indices { result.trades[i].spot = tradeSpots[i] }
        result.dailyEquity = daily.finished()
        result.hedgesDelta = plan.hedge?.delta != nil
        return result
    }
}
