import HedgeplanDiagnostics
import HedgeplanSyntax

/// One decoder per section of the strategy. Each reads its mapping through an
/// `ObjectReader` and checks what ties its fields together.
extension StrategyDecoder {
    static func decodeMarket(_ r: ObjectReader) -> Market? {
        let modelName = r.choice("model")
        let jumpsReader = r.object("jumps")
        var model = Located(PricingModel.blackScholes, at: r.node.location)
        if let modelName {
            model.location = modelName.location
            if modelName.value == "merton" {
                if let j = jumpsReader, let intensity = j.number("intensity"), let mean = j.percent("mean"),
                    let vol = j.percent("volatility")
                {
                    model.value = .merton(MarketJumps(intensity: intensity.value, meanLog: mean.value, volatility: vol.value))
                } else if jumpsReader == nil, !r.has("jumps") {
                    r.context.error(.missingKey, "`model: merton` needs `market.jumps: { intensity, mean, volatility }`", at: modelName.location)
                }
            }
        }
        if let jumps = r["jumps"], modelName?.value != "merton" {
            r.context.error(.inconsistent, "`market.jumps` applies only with `model: merton`", at: r.keyLocation("jumps") ?? jumps.location)
        }
        return Market(
            asOf: r.instant("as_of"), spot: r.number("spot"), volatility: r.percent("volatility"),
            rate: r.percent("rate") ?? Located(0, at: r.node.location), model: model, location: r.node.location)
    }

    static func decodeLeg(_ r: ObjectReader) -> Leg? {
        let type = r.choice("type", as: LegType.self)
        let side = r.choice("side", as: Side.self)
        let quantity = r.number("quantity")
        let premium = r.number("premium")
        let id = r.string("id") ?? Located(r.path.replacingBrackets, at: r.node.location)
        guard let type, let side else { return nil }

        /// Keys that this leg type does not take are errors: they would be silently ignored.
        func reject(_ keys: [String]) {
            for key in keys where r.has(key) {
                r.context.error(.inconsistent, "a \(type.value.rawValue) leg takes no `\(key)`", at: r.keyLocation(key)!)
            }
        }
        func require(_ key: String) {
            if !r.has(key), !r.misspelled.contains(key) {
                r.context.error(.missingKey, "a \(type.value.rawValue) leg needs `\(key)`: \(r.field(key).summary.dropLast())", at: r.node.location)
            }
        }

        let instrument: Instrument?
        switch type.value {
        case .call, .put:
            reject(["venue", "range", "capital", "fee_apr"])
            ["quantity", "strike", "expiry"].forEach(require)
            let strike = r.strike("strike")
            let expiry = r.expiry("expiry")
            instrument = strike.flatMap { k in
                expiry.map { e in .option(OptionTerms(type: type.value == .call ? .call : .put, strike: k, expiry: e)) }
            }
        case .spot, .perp:
            reject(["strike", "expiry", "venue", "range", "capital", "fee_apr"])
            require("quantity")
            instrument = type.value == .spot ? .spot : .perp
        case .future:
            reject(["strike", "venue", "range", "capital", "fee_apr"])
            ["quantity", "expiry"].forEach(require)
            instrument = r.expiry("expiry").map { .future(expiry: $0) }
        case .lp:
            reject(["strike", "expiry", "quantity", "premium"])
            ["venue", "capital"].forEach(require)
            if side.value == .short {
                r.context.error(.inconsistent, "an lp leg provides liquidity: its side is `long`", at: side.location)
            }
            let range = r.priceRange("range")
            let venue = r.string("venue")
            let capital = r.number("capital")
            let feeAPR = r.percent("fee_apr")
            if r.has("fee_apr"), feeAPR == nil { return nil }
            instrument = venue.flatMap { venue in
                capital.map { .liquidity(LiquidityTerms(venue: venue, range: range, capital: $0, feeAPR: feeAPR)) }
            }
        }
        guard let instrument else { return nil }
        if type.value != .lp, quantity == nil { return nil }
        return Leg(id: id, side: side, instrument: instrument, quantity: quantity, premium: premium, location: r.node.location)
    }

    static func decodeRisk(_ r: ObjectReader) -> Risk {
        var greeks: [Greek: Located<GreekBand>] = [:]
        if let g = r.object("greeks") {
            for greek in Greek.allCases {
                greeks[greek] = g.band(greek.rawValue)
            }
        }
        let scenarios = r.objects("scenarios").map { s in
            if !s.has("spot"), !s.has("volatility") {
                s.context.error(.missingKey, "`\(s.path)` moves nothing: give `spot`, `volatility` or both", at: s.node.location)
            }
            return Scenario(spot: s.spotShock("spot"), volatility: s.volatilityShock("volatility"), location: s.node.location)
        }
        return Risk(definedRisk: r.bool("defined_risk"), maxLoss: r.number("max_loss"), greeks: greeks, scenarios: scenarios)
    }

    static func decodeHedge(_ r: ObjectReader) -> Hedge? {
        let delta = r.object("delta").flatMap(decodeDeltaHedge)
        let vega = r.object("vega").flatMap { v -> VegaHedge? in
            let option = v.object("with").flatMap { w -> Located<HedgeOption>? in
                let type = w.choice("type", as: OptionType.self)
                let strike = w.strike("strike")
                let expiry = w.expiry("expiry")
                guard let type, let strike, let expiry else { return nil }
                return Located(HedgeOption(type: type.value, strike: strike, expiry: expiry), at: w.node.location)
            }
            guard let band = v.number("band"), let option else { return nil }
            return VegaHedge(band: band, option: option)
        }
        let gamma = r.object("gamma").flatMap { g in g.bool("scalp").map(GammaHedge.init(scalp:)) }
        guard let instrument = r.choice("instrument", as: HedgeInstrument.self) else { return nil }
        return Hedge(instrument: instrument, delta: delta, vega: vega, gamma: gamma, location: r.node.location)
    }

    static func decodeDeltaHedge(_ r: ObjectReader) -> DeltaHedge? {
        let band = r.number("band")
        let interval = r.duration("interval")
        let riskAversion = r.number("risk_aversion")
        var adaptVolatility: Located<VolatilityForecast>?
        var adaptGas: Located<Bool>?
        if let adapt = r.object("adapt") {
            adaptGas = adapt.bool("gas")
            adaptVolatility = adapt["volatility"].flatMap { decodeForecast($0, adapt) }
        }
        guard let trigger = r.choice("trigger", as: DeltaTrigger.self) else { return nil }
        let needs: [DeltaTrigger: [String]] = [
            .band: ["band"], .interval: ["interval"], .hybrid: ["band", "interval"], .whalleyWilmott: ["risk_aversion"],
        ]
        for key in needs[trigger.value]! where !r.has(key) && !r.misspelled.contains(key) {
            r.context.error(.missingKey, "`trigger: \(trigger.value.rawValue)` needs `\(r.name(key))`: \(r.field(key).summary.dropLast())", at: trigger.location)
        }
        for key in ["band", "interval", "risk_aversion"] where r.has(key) && !needs[trigger.value]!.contains(key) {
            r.context.warning(.inconsistent, "`\(r.name(key))` is not used by `trigger: \(trigger.value.rawValue)`", at: r.keyLocation(key)!)
        }
        return DeltaHedge(
            target: r.number("target") ?? Located(0, at: r.node.location), trigger: trigger, band: band,
            interval: interval, riskAversion: riskAversion, adaptVolatility: adaptVolatility, adaptGas: adaptGas)
    }

    /// `ewma`, `garch`, `regime`, `none`, `{ model: ewma, decay: 0.94 }` or `{ model: regime, states: 2 }`.
    static func decodeForecast(_ node: SyntaxNode, _ adapt: ObjectReader) -> Located<VolatilityForecast>? {
        let context = adapt.context
        let name = adapt.name("volatility")
        if node.scalar != nil {
            switch context.choice(node, ["ewma", "garch", "regime", "none"], name: name) {
            case "ewma": return Located(.ewma(decay: 0.94), at: node.location)
            case "garch": return Located(.garch, at: node.location)
            case "regime": return Located(.regime(states: 2), at: node.location)
            default: return nil
            }
        }
        guard let f = ObjectReader(node, LanguageDefinition.forecast, context, path: name), let model = f.choice("model") else { return nil }
        if model.value != "ewma", let decay = f.keyLocation("decay") {
            context.error(.inconsistent, "`decay` applies to `model: ewma`; \(model.value == "garch" ? "GARCH(1,1)" : "the regime model's") parameters are fitted", at: decay)
        }
        if model.value != "regime", let states = f.keyLocation("states") {
            context.error(.inconsistent, "`states` applies to `model: regime`", at: states)
        }
        if model.value == "garch" { return Located(.garch, at: node.location) }
        if model.value == "regime" { return Located(.regime(states: f.integer("states")?.value ?? 2), at: node.location) }
        return Located(.ewma(decay: f.number("decay")?.value ?? 0.94), at: node.location)
    }

    static func decodeExecution(_ r: ObjectReader) -> Execution? {
        var seen: [String: SourceLocation] = [:]
        let venues = r.objects("venues").compactMap { v -> Venue? in
            guard let venue = decodeVenue(v) else { return nil }
            if let first = seen[venue.name.value] {
                r.context.error(.duplicateID, "venue name `\(venue.name.value)` is already used", at: venue.name.location,
                                notes: [.init("`\(venue.name.value)` is first declared here", at: first)])
            } else {
                seen[venue.name.value] = venue.name.location
            }
            return venue
        }
        if let node = r["venues"], node.items?.isEmpty == true {
            r.context.error(.missingKey, "`execution.venues` is empty: declare at least one venue", at: node.location)
        }
        let slicing = r.object("slicing").flatMap { s -> Slicing? in
            let maxChild = s.number("max_child")
            let every = s.duration("every")
            guard let maxChild, let every else { return nil }
            return Slicing(maxChild: maxChild, every: every)
        }
        let gas = r.object("gas").flatMap { g -> GasCost? in
            let price = g.gasPrice("price")
            let perTrade = g.number("per_trade")
            let native = g.string("native")
            guard let price, let perTrade else { return nil }
            return GasCost(price: price, perTrade: perTrade, native: native ?? Located("", at: g.node.location))
        }
        return Execution(
            venues: venues, routing: r.choice("routing", as: Routing.self) ?? Located(.best, at: r.node.location),
            maxSlippage: r.percent("max_slippage"), slicing: slicing, gas: gas)
    }

    static func decodeVenue(_ r: ObjectReader) -> Venue? {
        let name = r.string("name")
        let fee = r.percent("fee")
        guard let kindName = r.choice("kind") else { return nil }
        let applies: [String: String] = ["reserves": "constant-product", "positions": "concentrated-liquidity", "funding": "perp"]
        for (key, kind) in applies.sorted(by: { $0.key < $1.key }) where r.has(key) && kindName.value != kind {
            r.context.error(.inconsistent, "`\(key)` applies to \(kind) venues, and this one is \(kindName.value)", at: r.keyLocation(key)!)
        }
        let kind: VenueKind?
        switch kindName.value {
        case "constant-product":
            if !r.has("reserves") {
                r.context.error(.missingKey, "a constant-product venue needs `reserves: { base, quote }`", at: kindName.location)
            }
            kind = r.object("reserves").flatMap { res in
                let base = res.number("base")
                let quote = res.number("quote")
                guard let base, let quote else { return nil }
                return .constantProduct(base: base.value, quote: quote.value)
            }
        case "concentrated-liquidity":
            if !r.has("positions") {
                r.context.error(.missingKey, "a concentrated-liquidity venue needs `positions: [{ range, liquidity }]`", at: kindName.location)
            }
            let positions = r.objects("positions").compactMap { p -> VenueLiquidity? in
                let range = p.priceRange("range")
                let liquidity = p.number("liquidity")
                guard let range, let liquidity else { return nil }
                return VenueLiquidity(range: range.value, liquidity: liquidity.value)
            }
            kind = .concentratedLiquidity(positions: positions)
        default:
            kind = .perp(funding: r.percent("funding")?.value ?? 0)
        }
        guard let name, let fee, let kind else { return nil }
        return Venue(name: name, kind: kind, fee: fee, location: r.node.location)
    }

    static func decodeSafety(_ r: ObjectReader) -> Safety {
        Safety(circuitBreakers: r.objects("circuit_breakers").compactMap(decodeBreaker))
    }

    static func decodeBreaker(_ r: ObjectReader) -> CircuitBreaker? {
        let when = r.choice("when")
        let then = r.choice("then")
        let window = r.duration("window")
        let pauseFor = r.duration("for")
        var condition: Located<BreakerCondition>?
        if let when, let above = r["above"] {
            let name = r.name("above")
            let durationMax = TimeSpan(seconds: 30 * TimeSpan.secondsPerDay)
            switch when.value {
            case "feed_stale":
                condition = r.context.duration(above, max: durationMax, name: name).map { Located(.feedStale(above: $0), at: when.location) }
            default:
                if let fraction = r.context.percent(above, .positive(max: 10), name: name) {
                    switch when.value {
                    case "price_move":
                        if let window {
                            condition = Located(.priceMove(window: window.value, above: fraction), at: when.location)
                        } else if !r.has("window") {
                            r.context.error(.missingKey, "`when: price_move` needs a `window` (the look-back, like 5m)", at: when.location)
                        }
                    case "drawdown": condition = Located(.drawdown(above: fraction), at: when.location)
                    default: condition = Located(.slippage(above: fraction), at: when.location)
                    }
                }
            }
            if when.value != "price_move", let w = r.keyLocation("window") {
                r.context.error(.inconsistent, "`window` applies to `when: price_move`", at: w)
            }
        }
        var action: Located<BreakerAction>?
        if let then {
            switch then.value {
            case "halt": action = Located(.halt, at: then.location)
            case "flatten": action = Located(.flatten, at: then.location)
            default:
                if let pauseFor {
                    action = Located(.pause(pauseFor.value), at: then.location)
                } else if !r.has("for") {
                    r.context.error(.missingKey, "`then: pause` needs `for` (how long, like 10m)", at: then.location)
                }
            }
            if then.value != "pause", let f = r.keyLocation("for") {
                r.context.error(.inconsistent, "`for` applies to `then: pause`", at: f)
            }
        }
        guard let condition, let action else { return nil }
        return CircuitBreaker(condition: condition, action: action, location: r.node.location)
    }

    static func decodeRoll(_ r: ObjectReader) -> Roll? {
        let every = r.duration("every")
        let strikes = r.choice("strikes", as: RollStrikes.self)
        guard let every else { return nil }
        return Roll(every: every, strikes: strikes ?? Located(.relative, at: r.node.location))
    }
}

extension String {
    /// `legs[2]` -> `leg-3`: a generated id for explicit legs without one.
    var replacingBrackets: String {
        guard let open = firstIndex(of: "["), let close = firstIndex(of: "]"), let index = Int(self[index(after: open)..<close]) else {
            return self
        }
        return "leg-\(index + 1)"
    }
}
