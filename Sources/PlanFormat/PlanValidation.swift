import HedgeplanTime

/// The plan's meaning checks, after it decoded: every number in its range, every field a
/// kind needs present, references that resolve. A plan that passes runs without a silent
/// default; one that does not is refused with one line per problem.
///
/// The ranges are those of the strategy language (the compiler never writes a plan that
/// fails them) with the same generous outer limits, so that a hand-edited plan cannot make
/// the runtime overflow or print NaN.
public enum PlanValidation {
    /// Largest |quantity| in BASE and |price| in QUOTE a plan may hold.
    static let maxQuantity = 1e9
    static let maxPrice = 1e12
    /// Smallest price in QUOTE per BASE (the feeds' and the language's plausible range): a
    /// subnormal price passes `> 0` and turns into an infinite logarithm or tick.
    static let minPrice = 1e-12
    /// Largest amount of QUOTE one leg may move, its size at the plan's spot (or an LP leg's
    /// capital). Doubles keep cents exact up to about 9e13; 1e12 leaves the sums of a long
    /// run their cents (a 1e17 LP capital drifted 22 QUOTE from its components, found by the
    /// plan mutation test).
    public static let maxNotional = 1e12
    /// Durations and offsets: at most 100 years, in seconds.
    static let maxSeconds: Int64 = 100 * YearLength.seconds
    /// Instants: 1970-01-01 to 9999-12-31, in milliseconds since the epoch.
    static let maxInstantMs: Int64 = 253_402_300_799_999

    public static func problems(in plan: HedgingPlan) -> [PlanProblem] {
        var check = Checks()
        checkHeader(plan, &check)
        checkMarket(plan.market, &check)
        checkLegs(plan, &check)
        if let hedge = plan.hedge { checkHedge(hedge, plan: plan, &check) }
        if let execution = plan.execution { checkExecution(execution, &check) }
        for (index, rule) in plan.safety.enumerated() { checkBreaker(rule, at: "$.safety[\(index)]", &check) }
        if let roll = plan.roll {
            check.seconds(roll.everySeconds, "$.roll.every_seconds", allowZero: false)
            if !plan.legs.contains(where: { $0.instrument.isOption }) {
                check.fail("$.roll", "a roll re-opens option legs, and the plan has none")
            }
        }
        checkInception(plan.inception, &check)
        return check.problems
    }

    static func checkHeader(_ plan: HedgingPlan, _ check: inout Checks) {
        let hex = plan.source.sha256.unicodeScalars
        if hex.count != 64 || !hex.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) {
            check.fail("$.source.sha256", "expected 64 lowercase hexadecimal digits (the SHA-256 of the strategy file)")
        }
        if plan.strategy.name.isEmpty { check.fail("$.strategy.name", "must not be empty") }
        if plan.strategy.base.isEmpty { check.fail("$.strategy.base", "must not be empty") }
        if plan.strategy.quote.isEmpty { check.fail("$.strategy.quote", "must not be empty") }
        switch (plan.clock.anchor, plan.clock.asOfMs) {
        case (.asOf, nil): check.fail("$.clock.as_of_ms", "missing; an `as_of` anchor needs its instant")
        case (.asOf, let ms?):
            check.instant(ms, "$.clock.as_of_ms")
            check.sameInstant(plan.clock.asOf, ms, "$.clock.as_of")
        case (.runStart, _?): check.fail("$.clock.as_of_ms", "a `run_start` plan has no anchor instant; remove it")
        case (.runStart, nil): break
        }
    }

    static func checkMarket(_ market: MarketAssumptions, _ check: inout Checks) {
        check.range(market.spot, "$.market.spot", atLeast: minPrice, atMost: maxPrice)
        check.range(market.volatility, "$.market.volatility", above: 0, atMost: 10)
        check.range(market.rate, "$.market.rate", atLeast: -1, atMost: 1)
        let model = market.model
        let jumps = [model.jumpIntensity, model.jumpMeanLog, model.jumpVolatility]
        switch model.kind {
        case .merton:
            if jumps.contains(where: { $0 == nil }) {
                check.fail("$.market.model", "a merton model needs jump_intensity, jump_mean_log and jump_volatility")
            }
            if let v = model.jumpIntensity { check.range(v, "$.market.model.jump_intensity", atLeast: 0, atMost: 1000) }
            if let v = model.jumpMeanLog { check.range(v, "$.market.model.jump_mean_log", atLeast: -5, atMost: 5) }
            if let v = model.jumpVolatility { check.range(v, "$.market.model.jump_volatility", atLeast: 0, atMost: 5) }
        case .blackScholes:
            if jumps.contains(where: { $0 != nil }) {
                check.fail("$.market.model", "jump parameters belong to a merton model, and this one is black-scholes")
            }
        }
    }

    static func checkLegs(_ plan: HedgingPlan, _ check: inout Checks) {
        if plan.legs.isEmpty { check.fail("$.legs", "a plan needs at least one leg") }
        var seen: Set<String> = []
        let venues = Set((plan.execution?.venues ?? []).map(\.name))
        for (index, leg) in plan.legs.enumerated() {
            let path = "$.legs[\(index)]"
            if leg.id.isEmpty { check.fail(path + ".id", "must not be empty") }
            if !seen.insert(leg.id).inserted { check.fail(path + ".id", "duplicate leg id \(PlanText.quoted(leg.id))") }
            check.range(abs(leg.quantity), path + ".quantity", above: 0, atMost: maxQuantity, shown: leg.quantity)
            if abs(leg.quantity) <= maxQuantity, plan.market.spot.isFinite, abs(leg.quantity) * plan.market.spot > maxNotional {
                check.fail(path + ".quantity", "\(Checks.format(leg.quantity)) at the plan's spot \(Checks.format(plan.market.spot)) is more than 1e12 QUOTE: amounts that large cannot be booked to the cent")
            }
            if let expiry = leg.expiry {
                if expiry.offsetSeconds == nil, expiry.instantMs == nil {
                    check.fail(path + ".expiry", "needs offset_seconds or instant_ms")
                }
                if let offset = expiry.offsetSeconds { check.seconds(offset, path + ".expiry.offset_seconds", allowZero: true) }
                if let ms = expiry.instantMs {
                    check.instant(ms, path + ".expiry.instant_ms")
                    check.sameInstant(expiry.instant, ms, path + ".expiry.instant")
                    // Anchored at as_of, the two say one thing: an edit to one alone changed
                    // which of them the run uses without a word (2026-12-02 sweep).
                    if let offset = expiry.offsetSeconds, let asOf = plan.clock.asOfMs,
                        case let (offsetMs, o1) = offset.multipliedReportingOverflow(by: 1000),
                        case let (expected, o2) = asOf.addingReportingOverflow(offsetMs), !o1, !o2, expected != ms
                    {
                        check.fail(path + ".expiry.instant_ms", "\(ms) is not clock.as_of_ms + offset_seconds × 1000 (\(expected)); edit both, or recompile")
                    }
                } else if expiry.instant != nil {
                    check.fail(path + ".expiry.instant", "an ISO copy without instant_ms; the instant is instant_ms")
                }
            }
            switch leg.instrument {
            case .call, .put: checkOption(leg, at: path, &check)
            case .future:
                if leg.expiry == nil { check.fail(path + ".expiry", "missing; a future expires") }
                fallthrough
            case .spot, .perp:
                if leg.strike != nil || leg.strikeRule != nil { check.fail(path + ".strike", "only options have strikes") }
                if let entry = leg.entryPrice { check.range(entry, path + ".entry_price", atLeast: minPrice, atMost: maxPrice) }
            case .lp:
                guard let spec = leg.liquidity else {
                    check.fail(path + ".liquidity", "missing; an lp leg needs its position")
                    continue
                }
                if !venues.contains(spec.venue) {
                    check.fail(path + ".liquidity.venue", "venue \(PlanText.quoted(spec.venue)) is not in $.execution.venues")
                }
                check.range(spec.liquidity, path + ".liquidity.liquidity", above: 0, atMost: 1e30)
                check.range(spec.capital, path + ".liquidity.capital", above: 0, atMost: maxNotional)
                if let apr = spec.feeApr { check.range(apr, path + ".liquidity.fee_apr", atLeast: 0, atMost: 10) }
                if let lower = spec.lower { check.range(lower, path + ".liquidity.lower", atLeast: minPrice, atMost: maxPrice) }
                if let upper = spec.upper { check.range(upper, path + ".liquidity.upper", atLeast: minPrice, atMost: maxPrice) }
                if let lower = spec.lower, let upper = spec.upper, lower >= upper {
                    check.fail(path + ".liquidity", "lower (\(lower)) must be below upper (\(upper))")
                }
            }
        }
    }

    static func checkOption(_ leg: PlanLeg, at path: String, _ check: inout Checks) {
        if leg.expiry == nil { check.fail(path + ".expiry", "missing; an option expires") }
        guard let rule = leg.strikeRule else {
            check.fail(path + ".strike_rule", "missing; an option keeps the rule its strike came from (rolls re-resolve it)")
            return
        }
        checkStrikeRule(rule, at: path + ".strike_rule", &check)
        if let strike = leg.strike {
            check.range(strike, path + ".strike", atLeast: minPrice, atMost: maxPrice)
            // The strike is the rule's value; a roll re-opens at the value, so a strike edited
            // alone would trade one strike until the first roll and another after it.
            if rule.kind == .absolute, rule.value != strike {
                check.fail(path + ".strike_rule.value", "\(Checks.format(rule.value)) is not the strike beside it (\(Checks.format(strike))); edit both, or recompile")
            }
        } else if !(rule.kind == .delta && leg.premiumSource == .modelAtRunStart) {
            check.fail(path + ".strike", "missing; only a delta strike priced at run start is resolved by the runtime")
        }
        if let premium = leg.premium { check.range(premium, path + ".premium", atLeast: 0, atMost: maxPrice) }
        switch leg.premiumSource {
        case nil: check.fail(path + ".premium_source", "missing; expected declared, model or model at run start")
        case .declared?, .model?:
            if leg.premium == nil { check.fail(path + ".premium", "missing; the premium source says it is known") }
        case .modelAtRunStart?: break
        }
    }

    static func checkStrikeRule(_ rule: StrikeRule, at path: String, _ check: inout Checks) {
        switch rule.kind {
        case .absolute: check.range(rule.value, path + ".value", atLeast: minPrice, atMost: maxPrice)
        case .relative: check.range(rule.value, path + ".value", above: -1, atMost: 100)
        case .atm: if rule.value != 0 { check.fail(path + ".value", "an atm rule has value 0") }
        case .delta:
            check.range(abs(rule.value), path + ".value", above: 0, below: 1, shown: rule.value)
        }
    }

    static func checkHedge(_ hedge: HedgeProgram, plan: HedgingPlan, _ check: inout Checks) {
        let venues = plan.execution?.venues ?? []
        let offered = venues.contains { ($0.kind == .perp) == (hedge.instrument == .perp) }
        if !offered {
            check.fail(
                "$.execution.venues",
                "no venue offers the hedge instrument \(hedge.instrument.rawValue) (\(hedge.instrument == .perp ? "a perp venue" : "a pool venue") is needed)")
        }
        if let delta = hedge.delta {
            check.range(delta.target, "$.hedge.delta.target", atLeast: -maxQuantity, atMost: maxQuantity)
            checkTrigger(delta.trigger, &check)
            if let adapter = delta.volatilityAdapter { checkVolatilityAdapter(adapter, &check) }
            if let adapter = delta.gasAdapter {
                let path = "$.hedge.delta.gas_adapter"
                check.range(adapter.referenceGasGwei, path + ".reference_gas_gwei", atLeast: 0, atMost: 1e7)
                check.range(adapter.gasPerTrade, path + ".gas_per_trade", atLeast: 0, atMost: 1e9)
                check.range(adapter.feeRate, path + ".fee_rate", atLeast: 0, below: 1)
                check.range(adapter.referenceCost, path + ".reference_cost", above: 0, atMost: maxPrice * maxQuantity)
                check.range(adapter.maxScale, path + ".max_scale", atLeast: 1, atMost: 100)
                if adapter.nativeToken != plan.strategy.base, adapter.nativeToken != plan.strategy.quote {
                    check.fail(path + ".native_token", "gas paid in \(PlanText.quoted(adapter.nativeToken)) cannot be priced from a \(plan.strategy.base)/\(plan.strategy.quote) feed")
                }
            }
        }
        if let vega = hedge.vega {
            check.range(vega.band, "$.hedge.vega.band", above: 0, atMost: maxPrice)
            checkStrikeRule(vega.strikeRule, at: "$.hedge.vega.strike_rule", &check)
            check.seconds(vega.expirySeconds, "$.hedge.vega.expiry_seconds", allowZero: false)
            check.range(vega.inceptionStrike, "$.hedge.vega.inception_strike", atLeast: minPrice, atMost: maxPrice)
            check.range(vega.inceptionVegaPerUnit, "$.hedge.vega.inception_vega_per_unit", atLeast: 0, atMost: maxPrice)
        }
    }

    static func checkTrigger(_ trigger: TriggerRule, _ check: inout Checks) {
        let path = "$.hedge.delta.trigger"
        let needsBand = trigger.kind == .band || trigger.kind == .hybrid
        let needsInterval = trigger.kind == .interval || trigger.kind == .hybrid
        let isWW = trigger.kind == .whalleyWilmott
        func field<T>(_ value: T?, _ name: String, needed: Bool, _ range: (T) -> Void) {
            switch (value, needed) {
            case (nil, true): check.fail("\(path).\(name)", "missing; a \(trigger.kind.rawValue) trigger needs it")
            case (_?, false): check.fail("\(path).\(name)", "a \(trigger.kind.rawValue) trigger has no \(name); remove it")
            case (let v?, true): range(v)
            case (nil, false): break
            }
        }
        field(trigger.halfWidth, "half_width", needed: needsBand) { check.range($0, "\(path).half_width", above: 0, atMost: maxQuantity) }
        field(trigger.intervalSeconds, "interval_seconds", needed: needsInterval) {
            check.seconds($0, "\(path).interval_seconds", allowZero: false)
        }
        field(trigger.riskAversion, "risk_aversion", needed: isWW) { check.range($0, "\(path).risk_aversion", above: 0, atMost: 1e6) }
        field(trigger.costRate, "cost_rate", needed: isWW) { check.range($0, "\(path).cost_rate", atLeast: 0, below: 1) }
        if let h = trigger.inceptionHalfWidth {
            if !isWW { check.fail("\(path).inception_half_width", "only a whalley-wilmott trigger has it") }
            check.range(h, "\(path).inception_half_width", atLeast: 0, atMost: maxQuantity)
        }
    }

    static func checkVolatilityAdapter(_ adapter: VolatilityAdapter, _ check: inout Checks) {
        let path = "$.hedge.delta.volatility_adapter"
        switch adapter.model {
        case .ewma:
            guard let decay = adapter.decay else { return check.fail(path + ".decay", "missing; an ewma forecast needs its decay") }
            check.range(decay, path + ".decay", above: 0, below: 1)
        case .garch:
            guard let omega = adapter.omega, let alpha = adapter.alpha, let beta = adapter.beta, let step = adapter.fittedStepSeconds
            else {
                return check.fail(path, "a garch forecast needs omega, alpha, beta and fitted_step_seconds")
            }
            check.range(omega, path + ".omega", above: 0, atMost: 1)
            check.range(alpha, path + ".alpha", atLeast: 0, below: 1)
            check.range(beta, path + ".beta", atLeast: 0, below: 1)
            if alpha + beta >= 1 { check.fail(path, "alpha + beta = \(alpha + beta) must be below 1 (a stationary GARCH)") }
            check.seconds(step, path + ".fitted_step_seconds", allowZero: false)
        case .regime:
            guard let regime = adapter.regime, let step = adapter.fittedStepSeconds else {
                return check.fail(path, "a regime forecast needs regime (means, variances, transition) and fitted_step_seconds")
            }
            check.seconds(step, path + ".fitted_step_seconds", allowZero: false)
            checkRegime(regime, path: path + ".regime", &check)
        }
        if adapter.model != .regime, adapter.regime != nil { check.fail(path + ".regime", "only a regime forecast has it") }
        check.range(adapter.referenceVolatility, path + ".reference_volatility", above: 0, atMost: 10)
        check.range(adapter.minScale, path + ".min_scale", above: 0, atMost: 1)
        check.range(adapter.maxScale, path + ".max_scale", atLeast: 1, atMost: 100)
    }

    /// 2 or 3 states; finite means, positive variances; a stochastic transition matrix.
    static func checkRegime(_ regime: RegimeModel, path: String, _ check: inout Checks) {
        let k = regime.variances.count
        guard (2...3).contains(k), regime.means.count == k, regime.transition.count == k, regime.transition.allSatisfy({ $0.count == k }) else {
            return check.fail(path, "2 or 3 states, with one mean, one variance and one transition row of that many columns each")
        }
        for (i, m) in regime.means.enumerated() { check.range(m, "\(path).means[\(i)]", atLeast: -1, atMost: 1) }
        for (i, v) in regime.variances.enumerated() { check.range(v, "\(path).variances[\(i)]", above: 0, atMost: 1) }
        for (i, row) in regime.transition.enumerated() {
            for (j, p) in row.enumerated() { check.range(p, "\(path).transition[\(i)][\(j)]", atLeast: 0, atMost: 1) }
            let sum = row.reduce(0, +)
            if abs(sum - 1) > 1e-9 { check.fail("\(path).transition[\(i)]", "a row of transition probabilities must add up to 1, not \(sum)") }
        }
    }

    static func checkExecution(_ execution: ExecutionPlan, _ check: inout Checks) {
        var names: Set<String> = []
        for (index, venue) in execution.venues.enumerated() {
            let path = "$.execution.venues[\(index)]"
            if venue.name.isEmpty { check.fail(path + ".name", "must not be empty") }
            if !names.insert(venue.name).inserted { check.fail(path + ".name", "duplicate venue \(PlanText.quoted(venue.name))") }
            check.range(venue.fee, path + ".fee", atLeast: 0, below: 0.5)
            switch venue.kind {
            case .constantProduct:
                guard let base = venue.reserveBase, let quote = venue.reserveQuote else {
                    check.fail(path, "a constant-product venue needs reserve_base and reserve_quote")
                    continue
                }
                check.range(base, path + ".reserve_base", above: 0, atMost: 1e15)
                check.range(quote, path + ".reserve_quote", above: 0, atMost: 1e18)
            case .concentratedLiquidity:
                guard let positions = venue.positions, !positions.isEmpty else {
                    check.fail(path + ".positions", "a concentrated-liquidity venue needs at least one position")
                    continue
                }
                for (p, position) in positions.enumerated() {
                    let at = "\(path).positions[\(p)]"
                    check.range(position.lower, at + ".lower", atLeast: minPrice, atMost: maxPrice)
                    check.range(position.upper, at + ".upper", atLeast: minPrice, atMost: maxPrice)
                    check.range(position.liquidity, at + ".liquidity", above: 0, atMost: 1e30)
                    if position.lower >= position.upper { check.fail(at, "lower must be below upper") }
                }
            case .perp:
                if let funding = venue.funding { check.range(funding, path + ".funding", atLeast: -10, atMost: 10) }
            }
        }
        if let cap = execution.maxSlippage { check.range(cap, "$.execution.max_slippage", above: 0, below: 1) }
        if let child = execution.maxChild { check.range(child, "$.execution.max_child", above: 0, atMost: maxQuantity) }
        if let spacing = execution.childSpacingSeconds { check.seconds(spacing, "$.execution.child_spacing_seconds", allowZero: true) }
        if let gas = execution.gas {
            check.range(gas.priceGwei, "$.execution.gas.price_gwei", atLeast: 0, atMost: 1e7)
            check.range(gas.perTrade, "$.execution.gas.per_trade", atLeast: 0, atMost: 1e9)
            if gas.native.isEmpty { check.fail("$.execution.gas.native", "must not be empty") }
        }
    }

    static func checkBreaker(_ rule: BreakerRule, at path: String, _ check: inout Checks) {
        switch rule.condition {
        case .priceMove:
            if let window = rule.windowSeconds {
                check.seconds(window, path + ".window_seconds", allowZero: false)
            } else {
                check.fail(path + ".window_seconds", "missing; a price_move breaker measures over a window")
            }
            check.range(rule.threshold, path + ".threshold", above: 0, atMost: 100)
        case .feedStale:
            check.range(rule.threshold, path + ".threshold", above: 0, atMost: Double(maxSeconds))
        case .drawdown, .slippage:
            check.range(rule.threshold, path + ".threshold", above: 0, atMost: 1)
        }
        if rule.condition != .priceMove, rule.windowSeconds != nil {
            check.fail(path + ".window_seconds", "only a price_move breaker has a window")
        }
        switch (rule.action, rule.pauseSeconds) {
        case (.pause, nil): check.fail(path + ".pause_seconds", "missing; a pause lasts a while")
        case (.pause, let seconds?): check.seconds(seconds, path + ".pause_seconds", allowZero: false)
        case (_, _?): check.fail(path + ".pause_seconds", "only a pause action has a duration")
        case (_, nil): break
        }
    }

    static func checkInception(_ figures: InceptionFigures, _ check: inout Checks) {
        let path = "$.inception"
        let limit = maxPrice * maxQuantity
        check.range(figures.netPremium, path + ".net_premium", atLeast: -limit, atMost: limit)
        if let v = figures.maxLoss { check.range(v, path + ".max_loss", atLeast: 0, atMost: limit) }
        if let v = figures.maxProfit { check.range(v, path + ".max_profit", atLeast: 0, atMost: limit) }
        for (name, v) in [("delta", figures.delta), ("gamma", figures.gamma), ("vega", figures.vega), ("theta", figures.theta)] {
            check.range(v, "\(path).\(name)", atLeast: -limit, atMost: limit)
        }
    }
}

/// Collects problems; each check says what range it wanted.
struct Checks {
    var problems: [PlanProblem] = []

    mutating func fail(_ path: String, _ message: String) { problems.append(PlanProblem(path, message)) }

    mutating func range(
        _ value: Double, _ path: String, above: Double? = nil, atLeast: Double? = nil, below: Double? = nil,
        atMost: Double? = nil, shown: Double? = nil
    ) {
        let shownValue = shown ?? value
        var ok = value.isFinite
        var bounds: [String] = []
        if let above { ok = ok && value > above; bounds.append("above \(Self.format(above))") }
        if let atLeast { ok = ok && value >= atLeast; bounds.append("at least \(Self.format(atLeast))") }
        if let below { ok = ok && value < below; bounds.append("below \(Self.format(below))") }
        if let atMost { ok = ok && value <= atMost; bounds.append("at most \(Self.format(atMost))") }
        guard !ok else { return }
        let what = shown != nil && bounds.first?.hasPrefix("above 0") == true ? "its size must be" : "must be"
        fail(path, "\(Self.format(shownValue)) is out of range: \(what) \(bounds.joined(separator: " and "))")
    }

    mutating func seconds(_ value: Int64, _ path: String, allowZero: Bool) {
        if value < (allowZero ? 0 : 1) || value > PlanValidation.maxSeconds {
            fail(path, "\(value) s is out of range: must be \(allowZero ? "at least 0" : "above 0") and at most \(PlanValidation.maxSeconds) s (100 years)")
        }
    }

    mutating func instant(_ ms: Int64, _ path: String) {
        if ms < 0 || ms > PlanValidation.maxInstantMs {
            fail(path, "\(ms) is out of range: an instant in milliseconds since 1970-01-01, at most 9999-12-31")
        }
    }

    /// The ISO 8601 copy beside an instant must say the same instant: an edit to one of
    /// the two alone would otherwise be silently ignored.
    mutating func sameInstant(_ text: String?, _ ms: Int64, _ path: String) {
        guard let text else { return }
        guard let parsed = ISO8601.parse(text, grammar: .strategy) else {
            return fail(path, "\(PlanText.quoted(text)) is not an ISO 8601 UTC instant")
        }
        if parsed != ms {
            fail(path, "\(PlanText.quoted(text)) is not the instant in the milliseconds beside it (\(ISO8601.format(epochMilliseconds: ms))); edit both, or recompile")
        }
    }

    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}
