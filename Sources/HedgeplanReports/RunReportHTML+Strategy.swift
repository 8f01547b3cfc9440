import PlanFormat
import HedgeplanFormatting
import HedgeplanRuntime

/// The report's "Strategy" section: the plan's legs with their strikes as compiled and the
/// rule each is re-resolved with at every opening, and the hedge, roll, execution and
/// safety policy the run followed.
extension RunReportHTML {
    func strategySection() -> String {
        guard let plan else { return "" }
        var out = "<section>\n<h2>Strategy</h2>\n"
        if let description = plan.strategy.description, !description.isEmpty {
            out += "<p class=\"hint\">\(e(description))</p>\n"
        }
        out += "<table class=\"legs\">\n<thead><tr><th scope=\"col\">Leg</th><th scope=\"col\">Instrument</th>"
        out += "<th scope=\"col\" class=\"num\">Quantity (\(e(base)))</th><th scope=\"col\" class=\"num\">Strike</th>"
        out += "<th scope=\"col\">Strike rule</th><th scope=\"col\">Expiry</th><th scope=\"col\" class=\"num\">Premium</th></tr></thead>\n<tbody>\n"
        for leg in plan.legs {
            out += "<tr><td><code>\(e(leg.id))</code></td><td>\(e(leg.instrument.rawValue))</td>"
            out += "<td class=\"num\">\(HTMLText.number(leg.quantity))</td>"
            out += "<td class=\"num\">\(leg.strike.map { HTMLText.typographic(Money.plain($0)) } ?? "")</td>"
            out += "<td>\(e(Self.ruleText(leg.strikeRule)))</td><td>\(e(expiryText(leg.expiry)))</td>"
            out += "<td class=\"num\">\(leg.premium.map(HTMLText.money) ?? "")</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<p class=\"hint\">Strikes as compiled at spot \(HTMLText.typographic(Money.plain(plan.market.spot))) \(e(quote)); "
        out += "strikes given as rules are re-resolved at the feed's price at every opening (the notes above list the first cycle's). "
        out += "Premiums per unit, \(e(quote)); quantities negative short.</p>\n"
        out += "<h3>Policy</h3>\n<table class=\"facts-table policy\">\n<tbody>\n"
        for (label, value) in policyRows(plan) { out += "<tr><th scope=\"row\">\(label)</th><td>\(value)</td></tr>\n" }
        out += "</tbody>\n</table>\n"
        if !result.openLegs.isEmpty { out += openLegsTable() }
        return out + "</section>\n"
    }

    /// What the run still held at its last tick.
    func openLegsTable() -> String {
        var out = "<h3>Held at the end</h3>\n<table class=\"legs\">\n<thead><tr><th scope=\"col\">Instrument</th>"
        out += "<th scope=\"col\" class=\"num\">Quantity</th><th scope=\"col\" class=\"num\">Strike</th><th scope=\"col\">Expiry</th></tr></thead>\n<tbody>\n"
        for leg in result.openLegs {
            let quantity = leg.instrument == "lp" ? "\(HTMLText.money(leg.quantity)) \(e(quote))" : "\(HTMLText.number(leg.quantity)) \(e(base))"
            out += "<tr><td>\(e(leg.instrument))</td><td class=\"num\">\(quantity)</td>"
            out += "<td class=\"num\">\(leg.strike.map { HTMLText.typographic(Money.plain($0)) } ?? "")</td>"
            out += "<td>\(leg.expiry.map(HTMLText.time) ?? "")</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// `atm`, `spot +10%`, `delta 0.25`, `absolute`.
    static func ruleText(_ rule: StrikeRule?) -> String {
        guard let rule else { return "" }
        switch rule.kind {
        case .absolute: return "absolute"
        case .atm: return "at the money"
        case .relative:
            let sign = rule.value < 0 ? NumberFormat.minusSign : "+"
            return "spot \(sign)\(NumberFormat.percent(abs(rule.value), decimals: 2).replacingOccurrences(of: ".00%", with: "%"))"
        case .delta: return "delta \(HTMLText.number(rule.value))"
        }
    }

    func expiryText(_ expiry: PlanExpiry?) -> String {
        guard let expiry else { return "" }
        if let offset = expiry.offsetSeconds { return "\(HTMLText.duration(milliseconds: offset * 1000)) after opening" }
        if let instant = expiry.instantMs { return HTMLText.time(instant) }
        return ""
    }

    /// The hedge, roll, execution and safety rules, as label and HTML value.
    func policyRows(_ plan: HedgingPlan) -> [(String, String)] {
        var rows: [(String, String)] = []
        if let hedge = plan.hedge {
            if let delta = hedge.delta {
                rows.append(("Delta hedge", "on \(e(hedge.instrument.rawValue)), target \(HTMLText.number(delta.target)) \(e(base)), \(triggerText(delta.trigger))"))
                if let adapter = delta.volatilityAdapter {
                    rows.append(("Band scaled by", "\(e(adapter.model.rawValue)) volatility forecast (×\(HTMLText.number(adapter.minScale)) to ×\(HTMLText.number(adapter.maxScale)))"))
                }
                if delta.gasAdapter != nil { rows.append(("Band widened by", "gas price (on-chain hedges)")) }
            } else {
                rows.append(("Delta hedge", "none (on \(e(hedge.instrument.rawValue)))"))
            }
            if hedge.gamma?.scalp == true { rows.append(("Gamma", "scalped")) }
            if let vega = hedge.vega {
                rows.append(("Vega hedge", "keep |vega| ≤ \(HTMLText.money(vega.band)) \(e(quote)) per vol point with \(e(vega.optionType.rawValue))s, \(e(Self.ruleText(vega.strikeRule))), \(HTMLText.duration(milliseconds: vega.expirySeconds * 1000))"))
            }
        } else {
            rows.append(("Hedge", "none: the strategy is unhedged"))
        }
        if let roll = plan.roll { rows.append(("Roll", "every \(HTMLText.duration(milliseconds: roll.everySeconds * 1000))")) }
        if let execution = plan.execution, !execution.venues.isEmpty {
            let venues = execution.venues.map { "<code>\(e($0.name))</code> (\(e($0.kind.rawValue)), fee \(HTMLText.percent($0.fee)))" }
            var text = venues.joined(separator: ", ")
            if let slippage = execution.maxSlippage { text += "; max slippage \(HTMLText.percent(slippage))" }
            if let child = execution.maxChild { text += "; child orders ≤ \(HTMLText.number(child)) \(e(base))" }
            rows.append(("Venues", text))
        }
        if plan.safety.isEmpty {
            rows.append(("Breakers", "none"))
        } else {
            let rules = plan.safety.map { rule -> String in
                var text = "<code>\(e(rule.condition.rawValue))</code> "
                text += rule.condition == .feedStale ? "\(HTMLText.count(Int(rule.threshold))) s" : HTMLText.percent(rule.threshold)
                if let window = rule.windowSeconds { text += " in \(HTMLText.duration(milliseconds: window * 1000))" }
                return text + " → \(e(rule.action.rawValue))"
            }
            rows.append(("Breakers", rules.joined(separator: "; ")))
        }
        return rows
    }

    func triggerText(_ trigger: TriggerRule) -> String {
        switch trigger.kind {
        case .band: return "rebalance outside ±\(HTMLText.number(trigger.halfWidth ?? 0)) \(e(base))"
        case .interval: return "rebalance every \(HTMLText.duration(milliseconds: (trigger.intervalSeconds ?? 0) * 1000))"
        case .hybrid:
            return "rebalance outside ±\(HTMLText.number(trigger.halfWidth ?? 0)) \(e(base)) or every \(HTMLText.duration(milliseconds: (trigger.intervalSeconds ?? 0) * 1000))"
        case .whalleyWilmott:
            return "Whalley-Wilmott band (risk aversion \(HTMLText.number(trigger.riskAversion ?? 0)), ±\(HTMLText.number(trigger.inceptionHalfWidth ?? 0)) \(e(base)) at inception)"
        }
    }
}
