import Feeds
import PlanFormat
import Venues

/// Runs a portfolio against a feed (simulation.md, "Portfolios"): every copy of every
/// member is a `HedgeBook`; the shared venues live in one store. On each tick:
///
/// 1. arbitrage moves every shared pool `arbitrage` of the way from its mid to the feed
///    (the arbitrageur's tokens counted), and perps are marked (to their `mark` pool, else
///    the feed);
/// 2. the copies act in order (member, then copy; or shuffled per tick from the seed): each
///    sees the price of the venue its hedge refers to (its shared pool, or the pool its perp
///    marks to; else the feed), steps, and its trades move the shared pool before the next
///    copy quotes;
/// 3. liquidation rounds: a copy whose perp equity (collateral + perp P&L at the mark) is
///    below maintenance is closed at market through the pool its perp marks to; that moves
///    the mark, and the rounds repeat until nobody more falls (a cascade).
///
/// A portfolio of one member with one copy and `arbitrage: 100%` is the member's own dry
/// run: the pool starts each tick at the feed's price, and nobody else moves it. The phases
/// are `PortfolioState`'s methods; this is the loop over the feed.
public struct PortfolioRun {
    public let setup: PortfolioSetup
    public var order: MemberOrder = .fixed
    public var options = RunOptions()
    /// Keep each book's series and trades (`HedgeBook(keepsDetail:)`); Monte Carlo turns it off.
    public var keepsDetail = true
    /// After every tick, checks that the shared pools' reserves, every copy's tokens and the
    /// arbitrageur's add up to the pools' first reserves, raw (tests).
    public var checksConservation = false
    /// Ticks (0-based) where the check failed, with the difference; empty when it held.
    public private(set) var conservationFailures: [(tick: Int, difference: TokenAmounts)] = []
    /// Ticks the check ran on.
    public private(set) var conservationChecks = 0

    public init(setup: PortfolioSetup) {
        self.setup = setup
    }

    public mutating func run<Source: TickSource>(_ feed: inout Source) throws -> PortfolioResult {
        guard let first = try feed.next() else { throw Interpreter.RunError.emptyFeed }
        for member in setup.members {
            if let why = HedgeBook.refusal(plan: member.plan, firstTick: first, options: options) {
                throw Interpreter.RunError.planFarFromFeed("\(member.name): \(why)")
            }
        }
        var state = try PortfolioState(setup: setup, first: first, order: order, options: options, keepsDetail: keepsDetail)
        var tick = first
        while true {
            try state.step(tick)
            if checksConservation {
                conservationChecks += 1
                let difference = state.tokensAccountedFor - state.initialReserves
                if difference != .zero { conservationFailures.append((state.tickIndex - 1, difference)) }
            }
            guard let next = try feed.next() else { break }
            tick = next
        }
        let (members, crowd) = state.members()
        let plan = setup.members.first?.plan
        let unclosable = state.unclosable
        return PortfolioResult(
            name: setup.name, base: plan?.strategy.base ?? "", quote: plan?.strategy.quote ?? "", ticks: state.tickIndex,
            rejected: feed.issues.details.filter { $0.kind.rejectsRow }, rejectedCount: feed.issues.rejectedRows,
            firstTime: first.timestamp, lastTime: tick.timestamp, finalSpot: tick.price, members: members, crowd: crowd,
            arbitrageurTokens: state.arbitrageur, liquidationEvents: state.events, poolTrack: state.track,
            notes: (unclosable > 0
                ? ["\(unclosable) liquidation attempt\(unclosable == 1 ? "" : "s") could not be closed: the pool held less than the position (the copies stayed open)"]
                : []) + feed.notes)
    }
}
