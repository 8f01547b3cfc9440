import Feeds
import Foundation
import HedgePlan
import Pricing

/// Runs a plan against a feed: on every tick it values the book, settles expiries, rolls,
/// evaluates the hedge program and the circuit breakers, trades on the venue models and
/// books every QUOTE to a P&L component. Deterministic: the same plan and feed give the
/// same result, byte for byte, which is what journal replay relies on.
public struct Interpreter {
    public let plan: HedgingPlan
    /// Held strongly: a weakly referenced object pays the slow reference-counting path on
    /// every retain, and the loop calls the observer on every tick. Observers never own
    /// the interpreter, so there is no cycle.
    public var observer: RunObserver?
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

        public var description: String {
            switch self {
            case .emptyFeed: return "the feed has no usable ticks"
            case .venue(let why): return "cannot set up the venues: \(why)"
            }
        }
    }

    static let msPerYear = 365.0 * 86_400_000

    public mutating func run<Source: TickSource>(_ feed: inout Source) throws -> RunResult {
        guard let first = try feed.next() else { throw RunError.emptyFeed }
        var notes: [String] = []
        // The plan's calendar starts at its anchor. A run replays it from the feed's first
        // tick: a plan anchored at `as_of` is shifted as a whole (instants included) so that
        // `as_of` falls on that tick, which is what "what would this have done?" means on a
        // history from another period.
        let asOf = plan.clock.asOf.flatMap(Self.epochMilliseconds)
        let shift = asOf.map { first.timestamp - $0 } ?? 0
        if let asOf, shift != 0 {
            notes.append("the plan's calendar (as_of \(plan.clock.asOf!)) is shifted to start at the feed's first tick, \(RunClock.iso(first.timestamp)); every expiry moves with it")
            _ = asOf
        }
        let anchor = first.timestamp
        let rate = plan.market.rate
        let planVolatility = plan.market.volatility
        let jumps = plan.market.model.kind == .merton
            ? try? Pricing.JumpParameters(
                intensity: plan.market.model.jumpIntensity ?? 0, meanLog: plan.market.model.jumpMeanLog ?? 0,
                volatility: plan.market.model.jumpVolatility ?? 0)
            : nil

        var venues: VenueBook
        do { venues = try VenueBook(plan: plan, spot: first.price) } catch { throw RunError.venue("\(error)") }
        var options = OptionBook()
        var linear = LinearBook()
        var ledger = Ledger()
        var policy = plan.hedge?.delta.map(DeltaPolicy.init)
        var breakers = BreakerMonitor(rules: plan.safety)
        let plan = self.plan
        let observer = self.observer
        /// QUOTE per on-chain trade: gwei (the feed's, else the plan's) × gas units × native price.
        func gasPerTradeQuote(_ spot: Double, _ gwei: Double?) -> Double {
            guard let gas = plan.execution?.gas else { return 0 }
            let price = gas.native == plan.strategy.base ? spot : (gas.native == plan.strategy.quote ? 1 : 0)
            return (gwei ?? gas.priceGwei) * 1e-9 * gas.perTrade * price
        }

        // Open the structure at the first tick.
        func openStructure(at tick: Tick, expiryBase: Int64, roll: Bool) {
            for leg in plan.legs {
                switch leg.instrument {
                case .call, .put:
                    let sign: Double = leg.instrument == .call ? 1 : -1
                    let expiry: Int64
                    if !roll, let instant = leg.expiry?.instant.flatMap(Self.epochMilliseconds) {
                        expiry = instant + shift
                    } else {
                        expiry = expiryBase + (leg.expiry?.offsetSeconds ?? 0) * 1000
                    }
                    let years = max(0, Double(expiry - tick.timestamp) / Self.msPerYear)
                    let strike = roll ? rolledStrike(leg, spot: tick.price, years: years, sign: sign)
                        : (leg.strike ?? rolledStrike(leg, spot: tick.price, years: years, sign: sign))
                    let volatility = tick.impliedVolatility ?? planVolatility
                    let model = modelPrice(sign: sign, spot: tick.price, strike: strike, years: years, volatility: volatility)
                    let premium = (!roll && leg.premiumSource == "declared") ? (leg.premium ?? model) : model
                    options.open(sign: sign, strike: strike, expiry: expiry, quantity: leg.quantity)
                    ledger.optionCash -= leg.quantity * premium
                    ledger.rawCash -= leg.quantity * premium
                case .spot, .perp:
                    if !roll {
                        linear.linear.append(.init(id: leg.id, quantity: leg.quantity, entry: tick.price, expiry: nil, isPerp: leg.instrument == .perp))
                    }
                case .future:
                    if !roll {
                        let expiry = leg.expiry?.instant.flatMap(Self.epochMilliseconds).map { $0 + shift } ?? (anchor + (leg.expiry?.offsetSeconds ?? 0) * 1000)
                        let years = max(0, Double(expiry - tick.timestamp) / Self.msPerYear)
                        linear.linear.append(.init(id: leg.id, quantity: leg.quantity, entry: tick.price * exp(rate * years), expiry: expiry, isPerp: false))
                    }
                case .lp:
                    if !roll, let spec = leg.liquidity {
                        let lower = spec.lower ?? 0
                        let position = spec.lower == nil
                            ? try? LiquidityPosition.fullRange(liquidity: 1)
                            : try? LiquidityPosition(liquidity: 1, lower: lower, upper: spec.upper ?? .infinity)
                        if let unit = position, unit.value(at: tick.price) > 0 {
                            let l = spec.capital / unit.value(at: tick.price)
                            let scaled = spec.lower == nil
                                ? try? LiquidityPosition.fullRange(liquidity: l)
                                : try? LiquidityPosition(liquidity: l, lower: lower, upper: spec.upper ?? .infinity)
                            if let scaled { linear.liquidity.append(.init(id: leg.id, position: scaled, capital: spec.capital)) }
                        }
                    }
                }
            }
        }

        func modelPrice(sign: Double, spot: Double, strike: Double, years: Double, volatility: Double) -> Double {
            if let jumps {
                return MertonJumpDiffusion.valuation(
                    sign: sign, spot: spot, strike: strike, rate: rate, carry: 0, volatility: volatility, timeToExpiry: years,
                    intensity: jumps.intensity, meanLog: jumps.meanLog, jumpVolatility: jumps.volatility).price
            }
            return BlackScholes.kernel(sign: sign, spot: spot, strike: strike, rate: rate, carry: 0, volatility: volatility, timeToExpiry: years).price
        }

        /// The strike a rule gives at `spot` (rolls, and delta strikes resolved at run start).
        func rolledStrike(_ leg: PlanLeg, spot: Double, years: Double, sign: Double) -> Double {
            guard let rule = leg.strikeRule else { return leg.strike ?? spot }
            switch (rule.kind, plan.roll?.strikes ?? "relative") {
            case ("absolute", "same"): return rule.value
            case ("absolute", _): return spot * rule.value / plan.market.spot
            case ("relative", _): return spot * (1 + rule.value)
            case ("atm", _): return spot
            default:
                let target = rule.value > 0 ? rule.value : 1 + rule.value
                guard years > 0, let d1 = InverseNormalCDF.quantile(target) else { return spot }
                let sd = planVolatility * years.squareRoot()
                return spot * exp(-d1 * sd + (rate + planVolatility * planVolatility / 2) * years)
            }
        }

        openStructure(at: first, expiryBase: anchor, roll: false)
        // Per-run constants, unpacked once so the tick loop compares no strings.
        let hedgesOnPerp = plan.hedge?.instrument == "perp"
        let fundingRate = venues.perpFundingRate
        let structurePerp = linear.perpQuantity
        let target = plan.hedge?.delta?.target ?? 0
        let gasInQuote = plan.execution?.gas?.native == plan.strategy.quote
        let vegaProgram = plan.hedge?.vega
        let rollsOptions = plan.roll != nil && plan.legs.contains { $0.instrument == .call || $0.instrument == .put }
        let notional = max(1, options.quantity.reduce(0) { $0 + abs($1) } * first.price
            + linear.linear.reduce(0) { $0 + abs($1.quantity) } * first.price + linear.liquidity.reduce(0) { $0 + $1.capital })

        var tick = first
        var index = 0
        var previousTime: Int64?
        var peakEquity = 0.0
        var maxDrawdown = 0.0
        var trackingSquares = 0.0
        var hedges = 0, fills = 0, settlements = 0, rolls = 0, vegaHedges = 0
        var hedgeVolume = 0.0, unfilled = 0.0
        var breakerEvents: [BreakerEvent] = []
        var halted = false
        var pausedUntil: Int64 = .min
        /// The net delta a rebalance in progress aims for. A sliced rebalance re-aims every child
        /// at it from the book's current delta, so children never chase a stale quantity.
        var rebalanceGoal: Double?
        var nextChildAt: Int64 = .min
        let maxChild = plan.execution?.maxChild
        let childSpacing = (plan.execution?.childSpacingSeconds ?? 0) * 1000
        var gaps = 0
        var recorder = SeriesRecorder(names: [
            "price", "net delta before hedge", "net delta after hedge", "hedge position", "option", "underlying", "hedge",
            "costs", "total",
        ])
        var rebalances: [(time: Int64, before: Double, after: Double)] = []

        func trip(_ t: BreakerMonitor.Trip, at time: Int64, spot: Double) {
            let event = BreakerEvent(time: time, condition: t.condition, action: t.action, measured: t.measured)
            breakerEvents.append(event)
            observer?.breakerTripped(event)
            switch t.action {
            case "halt": halted = true
            case "flatten":
                if ledger.hedgePosition != 0 {
                    let size = -ledger.hedgePosition
                    if let result = try? venues.hedge(size, price: spot, gasPerTrade: gasPerTradeQuote(spot, nil)) {
                        book(result.fills, spot: spot)
                    }
                }
                rebalanceGoal = nil
                halted = true
            default: pausedUntil = time + (t.pauseSeconds ?? 0) * 1000
            }
        }

        func book(_ executions: [VenueBook.Execution], spot: Double) {
            for e in executions {
                let signed = e.fill.side == .buy ? e.fill.base : -e.fill.base
                let mid = e.fill.midBefore
                ledger.hedgePosition += signed
                ledger.hedgeCash -= signed * spot
                // Booked against the feed's price: the pool mid equals it after alignment;
                // any residual difference is price impact.
                let impact = e.fill.costVersusMid - e.fill.fee + (e.fill.side == .buy ? 1 : -1) * e.fill.base * (mid - spot)
                ledger.fees += e.fill.fee
                ledger.slippage += impact
                ledger.gas += e.gas
                ledger.rawCash += (e.fill.side == .buy ? -e.fill.quote : e.fill.quote) - e.gas
                hedgeVolume += e.fill.base
                fills += 1
            }
        }

        while true {
            let now = tick.timestamp
            let spot = tick.price
            if tick.flags.contains(.afterGap) { gaps += 1 }

            // Funding on perp positions (hedge and structure) since the last tick, at the previous mark.
            if let previous = previousTime, now > previous {
                let perpPosition = (hedgesOnPerp ? ledger.hedgePosition : 0) + structurePerp
                if fundingRate != 0, perpPosition != 0 {
                    let payment = perpPosition * spot * fundingRate * Double(now - previous) / Self.msPerYear
                    ledger.funding += payment
                    ledger.rawCash -= payment
                }
            }
            policy?.forecaster?.update(price: spot, time: now)
            if !halted, let t = breakers.observe(price: spot, time: now, previousTime: previousTime, afterGap: tick.flags.contains(.afterGap)) {
                trip(t, at: now, spot: spot)
            }

            // Expiries: settle at intrinsic value; futures settle against their entry.
            var i = 0
            while i < options.count {
                if now >= options.expiry[i] {
                    let intrinsic = max(options.sign[i] * (spot - options.strike[i]), 0)
                    ledger.optionCash += options.quantity[i] * intrinsic
                    ledger.rawCash += options.quantity[i] * intrinsic
                    options.remove(at: i)
                    settlements += 1
                } else {
                    i += 1
                }
            }
            var j = 0
            while j < linear.linear.count {
                if let expiry = linear.linear[j].expiry, now >= expiry {
                    ledger.underlyingCash += linear.linear[j].quantity * (spot - linear.linear[j].entry)
                    ledger.rawCash += linear.linear[j].quantity * (spot - linear.linear[j].entry)
                    linear.linear.remove(at: j)
                    settlements += 1
                } else {
                    j += 1
                }
            }
            if rollsOptions, !halted, options.count == 0, settlements > 0 {
                openStructure(at: tick, expiryBase: now, roll: true)
                rolls += 1
            }

            let volatility = tick.impliedVolatility ?? planVolatility
            let o = options.valuate(spot: spot, now: now, volatility: volatility, rate: rate, jumps: jumps)
            let l = linear.valuate(spot: spot, now: now, rate: rate)
            let structureDelta = o.delta + l.delta
            let before = structureDelta + ledger.hedgePosition

            if !halted, now >= pausedUntil, policy != nil {
                if rebalanceGoal == nil {
                    let trade = policy!.decide(
                        netDelta: before, gamma: o.gamma + l.gamma, spot: spot, now: now,
                        yearsToExpiry: options.yearsToNearestExpiry(now: now), rate: rate, gasGwei: tick.gasGwei,
                        nativePrice: gasInQuote ? 1 : spot)
                    if abs(trade) > 1e-12 {
                        rebalanceGoal = before + trade
                        nextChildAt = now
                        policy!.lastRebalance = now
                        hedges += 1
                    }
                }
                if let goal = rebalanceGoal, now >= nextChildAt {
                    let desired = goal - before
                    let child = maxChild.map { min(abs(desired), $0) * (desired > 0 ? 1 : -1) } ?? desired
                    if abs(child) <= 1e-12 {
                        rebalanceGoal = nil
                    } else if let result = try? venues.hedge(child, price: spot, gasPerTrade: gasPerTradeQuote(spot, tick.gasGwei)) {
                        book(result.fills, spot: spot)
                        unfilled += result.unfilled
                        let after = structureDelta + ledger.hedgePosition
                        if maxChild == nil || result.unfilled > 0 || result.fills.isEmpty || abs(goal - after) <= 1e-9 {
                            rebalanceGoal = nil
                        }
                        nextChildAt = now + childSpacing
                        let record = RebalanceRecord(
                            tickIndex: index, time: now, reason: "hedge", spot: spot, netDeltaBefore: before,
                            netDeltaAfter: after, requested: child,
                            fills: result.fills.map {
                                .init(venue: $0.venue, base: $0.fill.side == .buy ? $0.fill.base : -$0.fill.base,
                                      averagePrice: $0.fill.averagePrice, fee: $0.fill.fee, slippage: $0.fill.slippage, gas: $0.gas)
                            })
                        rebalances.append((now, before, after))
                        observer?.rebalanced(record)
                        if let worst = result.fills.map(\.fill.slippage).max(), let t = breakers.checkSlippage(worst) {
                            trip(t, at: now, spot: spot)
                        }
                    } else {
                        rebalanceGoal = nil
                    }
                }
            }

            // Vega hedge: when the book's vega leaves ±band, trade the plan's option to bring it to zero.
            if let vegaProgram, !halted, now >= pausedUntil, abs(o.vega) > vegaProgram.band {
                let sign: Double = vegaProgram.optionType == "call" ? 1 : -1
                let years = Double(vegaProgram.expirySeconds) / (365.0 * 86_400)
                let leg = PlanLeg(id: "vega-hedge", instrument: sign > 0 ? .call : .put, quantity: 0, strikeRule: vegaProgram.strikeRule)
                let strike = rolledStrike(leg, spot: spot, years: years, sign: sign)
                let unit = BlackScholes.kernel(
                    sign: sign, spot: spot, strike: strike, rate: rate, carry: 0, volatility: volatility, timeToExpiry: years)
                if unit.vega > 1e-9 {
                    let quantity = -o.vega / unit.vega
                    let premium = modelPrice(sign: sign, spot: spot, strike: strike, years: years, volatility: volatility)
                    options.open(sign: sign, strike: strike, expiry: now + vegaProgram.expirySeconds * 1000, quantity: quantity)
                    ledger.optionCash -= quantity * premium
                    ledger.rawCash -= quantity * premium
                    vegaHedges += 1
                }
            }

            let after = structureDelta + ledger.hedgePosition
            trackingSquares += (after - target) * (after - target)
            let equity = ledger.equity(optionMarks: o.value, underlyingValue: l.value, spot: spot)
            peakEquity = max(peakEquity, equity)
            maxDrawdown = max(maxDrawdown, peakEquity - equity)
            if !halted, let t = breakers.checkDrawdown((peakEquity - equity) / notional) { trip(t, at: now, spot: spot) }
            let components = ledger.components(optionMarks: o.value, underlyingValue: l.value, spot: spot)
            if checksInvariant {
                worstInvariantError = max(worstInvariantError, abs(components.total - equity))
            }
            recorder.add(now, (
                spot, before, after, ledger.hedgePosition, components.options, components.underlying, components.hedge,
                components.costs, components.total))
            observer?.tickProcessed(index: index, tick: tick, equity: equity)

            previousTime = now
            index += 1
            guard let next = try feed.next() else { break }
            tick = next
        }

        let finalOptions = options.valuate(spot: tick.price, now: tick.timestamp, volatility: tick.impliedVolatility ?? planVolatility, rate: rate, jumps: jumps)
        let finalLinear = linear.valuate(spot: tick.price, now: tick.timestamp, rate: rate)
        let pnl = ledger.components(optionMarks: finalOptions.value, underlyingValue: finalLinear.value, spot: tick.price)
        if unfilled > 0 { notes.append("some hedge size could not be filled within max_slippage") }
        if vegaHedges > 0 { notes.append("\(vegaHedges) vega hedge trade\(vegaHedges == 1 ? "" : "s") in the plan's option (booked under option P&L)") }
        let issues = feed.issues
        return RunResult(
            strategy: plan.strategy.name, base: plan.strategy.base, quote: plan.strategy.quote, ticks: index,
            rejected: issues.details.filter { $0.kind.rejectsRow }, rejectedCount: issues.rejectedRows, gaps: gaps,
            firstTime: first.timestamp, lastTime: tick.timestamp, hedges: hedges, fills: fills, hedgeVolume: hedgeVolume,
            pnl: pnl, maxDrawdown: maxDrawdown, trackingError: index > 0 ? (trackingSquares / Double(index)).squareRoot() : 0,
            breakerEvents: breakerEvents, settlements: settlements, rolls: rolls, unfilled: unfilled, finalSpot: tick.price,
            finalHedgePosition: ledger.hedgePosition,
            series: RunSeries(lines: recorder.finish(), rebalances: rebalances),
            notes: notes + feed.notes)
    }

    static func epochMilliseconds(_ iso: String) -> Int64? {
        TimestampParser.parseText(iso)
    }
}
