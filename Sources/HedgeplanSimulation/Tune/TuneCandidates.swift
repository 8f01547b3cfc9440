import PlanFormat
import HedgeplanFormatting

/// The policies `tune` tries when no `--grid` is given, scaled to the plan's book.
///
/// The band scale s is the plan's own band (or its Whalley-Wilmott band at inception), else
/// 5% of the structure's gross quantity (BASE). Families:
/// - `band`: s × 0.25, 0.5, 1, 2, 4;
/// - `interval`: 1h, 4h, 12h, 1d (those not shorter than the step);
/// - `hybrid`: (s/2, 4h), (s, 4h), (2s, 12h);
/// - `whalley-wilmott`: risk aversion 0.1, 1, 10;
/// - `ewma`: bands s and 2s following an EWMA volatility forecast;
/// - `garch`: the same with GARCH(1,1), fitted to `--history` (only when one is given);
/// - `regime`: the same with the 2-state regime model fitted to `--history` (idem).
/// Every candidate keeps the plan's target.
public enum TuneCandidates {
    public static let families = ["band", "interval", "hybrid", "whalley-wilmott", "ewma", "garch", "regime"]

    public static func defaults(plan: HedgingPlan, families: [String], stepMs: Int64, hasHistory: Bool) -> [HedgePolicy] {
        let target = plan.hedge?.delta?.target ?? 0
        let s = bandScale(plan)
        func number(_ x: Double) -> HedgePolicy.Value { .text(NumberFormat.significant(x, digits: 3)) }
        let head: [(String, HedgePolicy.Value)] = [("target", number(target))]
        var out: [HedgePolicy] = []
        for family in families {
            switch family {
            case "band":
                for m in [0.25, 0.5, 1, 2, 4] { out.append(HedgePolicy(head + [("trigger", .text("band")), ("band", number(s * m))])) }
            case "interval":
                for (text, ms) in [("1h", Int64(3_600_000)), ("4h", 14_400_000), ("12h", 43_200_000), ("1d", 86_400_000)] where ms >= stepMs {
                    out.append(HedgePolicy(head + [("trigger", .text("interval")), ("interval", .text(text))]))
                }
            case "hybrid":
                for (m, interval) in [(0.5, "4h"), (1, "4h"), (2, "12h")] {
                    out.append(HedgePolicy(head + [("trigger", .text("hybrid")), ("band", number(s * m)), ("interval", .text(interval))]))
                }
            case "whalley-wilmott":
                for gamma in ["0.1", "1", "10"] {
                    out.append(HedgePolicy(head + [("trigger", .text("whalley-wilmott")), ("risk_aversion", .text(gamma))]))
                }
            case "ewma", "garch", "regime":
                guard family == "ewma" || hasHistory else { continue }
                let forecast: HedgePolicy.Value = family == "regime"
                    ? .mapping([("model", .text("regime")), ("states", .text("2"))]) : .text(family)
                for m in [1.0, 2] {
                    out.append(HedgePolicy(head + [
                        ("trigger", .text("band")), ("band", number(s * m)), ("adapt", .mapping([("volatility", forecast)])),
                    ]))
                }
            default: continue
            }
        }
        return out
    }

    /// s, BASE (see above).
    public static func bandScale(_ plan: HedgingPlan) -> Double {
        if let trigger = plan.hedge?.delta?.trigger, let h = trigger.halfWidth ?? trigger.inceptionHalfWidth, h > 0, h.isFinite { return h }
        let gross = plan.legs.reduce(0.0) { $0 + abs($1.quantity) }
        return max(0.05 * gross, 1e-3)
    }
}
