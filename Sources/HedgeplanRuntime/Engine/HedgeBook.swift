import Feeds
import PlanFormat
import Pricing

/// One book run by the engine: the structure's legs, the hedge, the ledger, the breakers,
/// the hedging policy and the run's clock, advanced one tick at a time by `step`. The
/// venues it trades on (pools, perps) are not part of it: they are passed in on every step,
/// so several books can trade through one pool and see each other's impact.
///
/// `step` runs the phases of a tick in a fixed order: funding, volatility forecast, feed
/// breakers, expiries, roll, valuation, delta rebalance, vega hedge, marking and the
/// drawdown breaker. Each phase is a small method in an extension of this type.
public struct HedgeBook: Sendable {
    let context: RunContext
    var options: OptionBook
    var linear = LinearBook()
    var ledger = Ledger()
    var policy: DeltaPolicy?
    var breakers: BreakerMonitor
    var clock = BookClock()
    var rebalance = RebalanceProgress()
    var counters = RunCounters()
    var risk = RiskTracker()
    /// The series a report draws; nil for a book that keeps only its outcome.
    var recorder: SeriesRecorder?
    /// Whether the book values and marks itself on every tick even when nothing it does
    /// depends on it (the equity path: series, drawdown, tracking error). Without a hedge
    /// policy, a drawdown breaker or an observer, a book that keeps only its outcome
    /// (`keepsDetail` false: Monte Carlo) values itself at the end alone.
    let marksEveryTick: Bool
    /// Whether a tick that is not marked still needs the legs' value: only the drawdown
    /// breaker reads equity on every tick of a book that keeps no detail. Without it, such a
    /// book values only delta, gamma and vega (`OptionBook.greeks`) and skips `mark`.
    let pricesEveryTick: Bool
    /// Every rebalance's time and net delta before and after, for the report's series (kept
    /// only with detail, like `trades`).
    var rebalances: [(time: Int64, before: Double, after: Double)] = []
    var breakerEvents: [BreakerEvent] = []
    /// Every trade, in order (none kept without detail).
    var trades: TradeLog
    /// Raw tokens this book took from constant-product pools (negative: gave), for a
    /// portfolio's token conservation check.
    var tokens = TokenAmounts.zero
    /// The largest |perp hedge position| the book's margin allows, BASE: a portfolio sets
    /// it from the member's equity and the perp's initial margin before each step. A
    /// rebalance never takes the position beyond it (it may still shrink it).
    var perpPositionLimit = Double.infinity
    /// Perp legs of the structure, BASE (funding is paid on them and on a perp hedge).
    var structurePerp: Double
    /// The last tick processed.
    private(set) var lastTick: Tick
    /// Counts flattenings: the book's legs changed outside the phases that value them.
    var positionsVersion = 0
    /// Checks on every tick that the P&L components add up to equity (tests).
    public var checksInvariant = false
    /// The largest |components − equity| seen when `checksInvariant` is on, QUOTE.
    internal(set) public var worstInvariantError = 0.0

    /// What the run says about how it opened (strikes resolved at the feed's price...).
    var openingNotes: [String] = []

    /// Opens the structure at the feed's first tick. Call `refusal(plan:firstTick:options:)`
    /// first: a plan whose absolute strikes are far from the feed opens a worthless cycle.
    ///
    /// `keepsDetail` false keeps only what `outcome()` reports: no series, no trade list, and
    /// no per-tick marking unless the plan's hedge or drawdown breaker needs it (a hedge
    /// alone needs only the greeks). `result()` of such a book has no series, no trades and,
    /// without a drawdown breaker, no drawdown or tracking-error figures. `recordsSeries`
    /// false keeps the detail but not the series (`RunResult.series`), which only the run
    /// report draws: nine figures a tick that a run with no report would throw away.
    public init(
        plan: HedgingPlan, firstTick: Tick, options runOptions: RunOptions = RunOptions(), keepsDetail: Bool = true,
        recordsSeries: Bool = true
    ) {
        context = RunContext(plan: plan, firstTick: firstTick, options: runOptions)
        options = OptionBook(rate: context.model.rate)
        policy = plan.hedge?.delta.map { DeltaPolicy(program: $0, scalper: Self.scalper(plan, firstTick: firstTick)) }
        breakers = BreakerMonitor(rules: plan.safety)
        trades = TradeLog(keeps: keepsDetail)
        if keepsDetail && recordsSeries {
            recorder = SeriesRecorder(names: [
                "price", "net delta before hedge", "net delta after hedge", "hedge position", "option", "underlying", "hedge",
                "costs", "total",
            ])
        }
        marksEveryTick = keepsDetail || plan.hedge != nil || breakers.watchesDrawdown
        pricesEveryTick = keepsDetail || breakers.watchesDrawdown
        lastTick = firstTick
        let builder = StructureBuilder(context: context)
        if let note = builder.firstCycleNote(at: firstTick) { openingNotes.append(note) }
        builder.open(
            at: firstTick, expiryBase: context.anchorMs, rolled: false, options: &options, linear: &linear, ledger: &ledger,
            trades: &trades)
        structurePerp = linear.perpQuantity
        if let every = context.rollEveryMs, context.rollsOptions { clock.nextRollAt = context.anchorMs + every }
    }

    /// The gamma scalper a plan with `hedge.gamma.scalp` gets, its reference at the first tick.
    static func scalper(_ plan: HedgingPlan, firstTick: Tick) -> GammaScalper? {
        guard let hedge = plan.hedge, hedge.gamma?.scalp == true else { return nil }
        let fees = (plan.execution?.venues ?? []).filter { ($0.kind == .perp) == (hedge.instrument == .perp) }.map(\.fee)
        return GammaScalper(feeRate: fees.min() ?? 0, referenceSpot: firstTick.price)
    }

    /// Why a plan cannot run on a feed that starts at `firstTick`, if it cannot.
    public static func refusal(plan: HedgingPlan, firstTick: Tick, options: RunOptions = RunOptions()) -> String? {
        if let leg = plan.legs.first(where: { abs($0.quantity) * firstTick.price > PlanValidation.maxNotional }) {
            return "leg \(leg.id): \(abs(leg.quantity)) at the feed's first price \(firstTick.price) is more than 1e12 QUOTE: amounts that large cannot be booked to the cent"
        }
        return RunContext.farAbsoluteStrikes(plan: plan, firstPrice: firstTick.price, options: options)
    }

    /// Advances the book by one tick, trading on `venues`.
    public mutating func step(_ tick: Tick, venues: inout VenueBook, observer: RunObserver?) {
        let now = tick.timestamp
        if tick.flags.contains(.afterGap) { counters.gaps += 1 }
        if let previous = clock.previousTime { clock.shortestStepMs = min(clock.shortestStepMs, now - previous) }
        accrueFunding(tick)
        accrueLiquidityFees(tick)
        if context.forecastsVolatility { policy?.forecaster?.update(price: tick.price, time: now) }
        checkFeedBreakers(tick, venues: &venues, observer: observer)
        settleExpiries(tick)
        rollIfDue(tick)
        guard marksEveryTick || observer != nil || checksInvariant else {
            clock.previousTime = now
            clock.index += 1
            lastTick = tick
            return
        }
        // A book that marks this tick needs the legs' value; one that only hedges, their greeks.
        let marksTick = pricesEveryTick || observer != nil || checksInvariant
        var marks = marksTick ? value(tick) : greeks(tick)
        let netDeltaBefore = marks.structureDelta + ledger.hedgePosition
        let trippedBeforeTrading = marksTick && tripsOnDrawdownBeforeTrading(tick, marks: marks, venues: &venues, observer: observer)
        if trippedBeforeTrading { marks = value(tick) }
        let positionsBefore = positionsVersion
        rebalanceDelta(tick, marks: marks, venues: &venues, observer: observer)
        if positionsVersion != positionsBefore { marks = marksTick ? value(tick) : greeks(tick) }
        if context.hedgesVega, hedgeVega(tick, marks: marks) { marks = marksTick ? value(tick) : greeks(tick) }
        if marksTick {
            let equity = mark(
                tick, marks: marks, netDeltaBefore: netDeltaBefore, checksDrawdown: !trippedBeforeTrading, venues: &venues,
                observer: observer)
            observer?.tickProcessed(index: clock.index, tick: tick, equity: equity)
        }
        clock.previousTime = now
        clock.index += 1
        lastTick = tick
    }

    /// The book's totals at a tick: option and other legs' values and greeks.
    struct Marks {
        var options: OptionBook.Totals
        var linear: LinearBook.Totals
        var structureDelta: Double { options.delta + linear.delta }

        func equity(_ ledger: Ledger, spot: Double) -> Double {
            ledger.equity(optionMarks: options.value, underlyingValue: linear.value, spot: spot)
        }
    }

    // Always inlined: called from the mutating `step`, an outlined call on the whole book
    // made the compiler copy its 2.5 KB to the stack first (a `memcpy` on every tick).
    @inline(__always)
    func value(_ tick: Tick) -> Marks {
        let volatility = tick.impliedVolatility ?? context.planVolatility
        return Marks(
            options: options.valuate(spot: tick.price, logSpot: tick.logPrice, now: tick.timestamp, volatility: volatility, model: context.model),
            linear: linear.valuate(spot: tick.price, now: tick.timestamp, rate: context.model.rate))
    }

    /// `value` without the option legs' value (NaN): their delta, gamma and vega only.
    @inline(__always)  // as `value`
    func greeks(_ tick: Tick) -> Marks {
        let volatility = tick.impliedVolatility ?? context.planVolatility
        return Marks(
            options: options.greeks(spot: tick.price, logSpot: tick.logPrice, now: tick.timestamp, volatility: volatility, model: context.model),
            linear: linear.valuate(spot: tick.price, now: tick.timestamp, rate: context.model.rate))
    }
}

/// The run's clock as a book sees it.
struct BookClock: Sendable {
    /// Ticks processed (0-based index of the next one).
    var index = 0
    var previousTime: Int64?
    /// A `halt` or `flatten` breaker stopped all trading.
    var halted = false
    /// A `pause` breaker stops trading until this instant, ms.
    var pausedUntil: Int64 = .min
    /// When the roll schedule next re-opens the structure, ms.
    var nextRollAt: Int64 = .max
    /// The shortest time between two ticks seen, ms.
    var shortestStepMs: Int64 = .max
    /// When the structure's last dated leg settled with no roll to re-open it, ms: from
    /// then on only its undated legs (spot, perp, lp) and the hedge are held.
    var structureEndedAt: Int64?

    func trades(at now: Int64) -> Bool { !halted && now >= pausedUntil }
}

/// A rebalance in progress: the net delta it aims for, and when the next child order may go.
/// A sliced rebalance re-aims every child at the goal from the book's current delta, so
/// children never chase a stale quantity.
struct RebalanceProgress: Sendable {
    var goal: Double?
    var nextChildAt: Int64 = .min
}

/// What a run counts.
struct RunCounters: Sendable {
    var hedges = 0, fills = 0, settlements = 0, rolls = 0, vegaHedges = 0, gaps = 0
    /// Steps whose tick carried the feed's volume while a liquidity position was open.
    var volumeSteps = 0
    /// BASE traded by the hedge; BASE no venue could take within the slippage cap.
    var hedgeVolume = 0.0, unfilled = 0.0
}

/// Equity's running peak and drawdown, and the tracking error's sum of squares.
struct RiskTracker: Sendable {
    var peakEquity = 0.0
    var maxDrawdown = 0.0
    var trackingSquares = 0.0

    /// Records equity; returns the drawdown from the peak, QUOTE.
    mutating func observe(equity: Double) -> Double {
        peakEquity = max(peakEquity, equity)
        maxDrawdown = max(maxDrawdown, peakEquity - equity)
        return peakEquity - equity
    }

    /// The drawdown `observe` would return for `equity`, QUOTE, without recording it.
    func drawdown(at equity: Double) -> Double { max(peakEquity, equity) - equity }
}
