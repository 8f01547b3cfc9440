/// A plan parameter a steward bound may name: the strategy-language name authors know
/// (`hedge.delta.band`), and the JSON path of the plan value it compiles to
/// (`$.hedge.delta.trigger.half_width`, `[*]` standing for every element of a list). A
/// policy may name a parameter either way; anything else is not a parameter of the plan
/// format and is refused where the policy names it.
public struct GovernedParameter: Sendable, Equatable {
    /// The strategy-language name.
    public var name: String
    /// The plan JSON path pattern.
    public var planPath: String

    /// Every parameter a bound may govern: the numbers of the plan that a risk team tunes.
    /// `risk.max_loss` is the plan's loss bound at expiry (`inception.max_loss`, QUOTE).
    public static let all: [GovernedParameter] = [
        .init(name: "hedge.delta.target", planPath: "$.hedge.delta.target"),
        .init(name: "hedge.delta.band", planPath: "$.hedge.delta.trigger.half_width"),
        .init(name: "hedge.delta.interval", planPath: "$.hedge.delta.trigger.interval_seconds"),
        .init(name: "hedge.delta.risk_aversion", planPath: "$.hedge.delta.trigger.risk_aversion"),
        .init(name: "hedge.vega.band", planPath: "$.hedge.vega.band"),
        .init(name: "safety.circuit_breakers.above", planPath: "$.safety[*].threshold"),
        .init(name: "safety.circuit_breakers.window", planPath: "$.safety[*].window_seconds"),
        .init(name: "safety.circuit_breakers.for", planPath: "$.safety[*].pause_seconds"),
        .init(name: "execution.max_slippage", planPath: "$.execution.max_slippage"),
        .init(name: "execution.slicing.max_child", planPath: "$.execution.max_child"),
        .init(name: "execution.slicing.every", planPath: "$.execution.child_spacing_seconds"),
        .init(name: "risk.max_loss", planPath: "$.inception.max_loss"),
        .init(name: "legs.quantity", planPath: "$.legs[*].quantity"),
    ]

    /// The parameter a policy names, by its strategy name or its plan path (with or
    /// without the leading `$.`).
    public static func named(_ text: String) -> GovernedParameter? {
        let asPath = text.hasPrefix("$") ? text : "$." + text
        return all.first { $0.name == text || $0.planPath == asPath }
    }

    /// Whether a concrete diff path (`$.safety[2].threshold`) is this parameter.
    public func matches(_ path: String) -> Bool {
        Self.match(pattern: Substring(planPath), path: Substring(path))
    }

    private static func match(pattern: Substring, path: Substring) -> Bool {
        guard let star = pattern.range(of: "[*]") else { return pattern == path }
        let prefix = pattern[..<star.lowerBound]
        guard path.hasPrefix(prefix + "[") else { return false }
        let afterBracket = path.dropFirst(prefix.count + 1)
        guard let close = afterBracket.firstIndex(of: "]") else { return false }
        let index = afterBracket[..<close]
        guard !index.isEmpty, index.allSatisfy(\.isNumber) else { return false }
        return match(pattern: pattern[star.upperBound...], path: afterBracket[afterBracket.index(after: close)...])
    }
}
