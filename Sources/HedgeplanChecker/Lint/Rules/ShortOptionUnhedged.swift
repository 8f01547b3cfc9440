import HedgeplanDiagnostics
import HedgeplanIR

/// Short option exposure that nothing covers, in a strategy with no `hedge:` section.
///
/// Calls are netted against each other and then covered by a net long linear position
/// (spot, perp, future: a covered call); puts likewise by a net short linear position (a
/// covered put). The `cash-secured-put` template reserves cash for its put, which covers
/// it. What is left is a naked short option: one diagnostic per option type, at the first
/// short leg of that type.
public struct ShortOptionUnhedged: LintRule {
    public static let id: RuleID = "short-option-unhedged"
    public static let defaultSeverity = Severity.warning
    public static let rationale = "A naked short option loses with every move against it; hedge its delta or buy the wing."

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let strategy = context.strategy
        guard strategy.hedge == nil else { return [] }
        var netCalls = 0.0, netPuts = 0.0, netLinear = 0.0
        for leg in strategy.legs {
            guard let quantity = leg.signedQuantity else { continue }
            switch leg.instrument {
            case .option(let terms): if terms.type == .call { netCalls += quantity } else { netPuts += quantity }
            case .spot, .perp, .future: netLinear += quantity
            case .liquidity: break
            }
        }
        let cashSecured = strategy.structure?.value == .cashSecuredPut || strategy.declaredKind?.value == .cashSecuredPut
        let uncoveredCalls = max(0, -netCalls - max(0, netLinear))
        let uncoveredPuts = cashSecured ? 0 : max(0, -netPuts - max(0, -netLinear))
        var findings: [Diagnostic] = []
        for (type, uncovered) in [(OptionType.call, uncoveredCalls), (.put, uncoveredPuts)] where uncovered > 1e-12 {
            guard let first = strategy.legs.first(where: { $0.side.value == .short && $0.instrument.option?.type == type })
            else { continue }
            findings.append(finding(Self.message(type, uncovered, context.base), at: first.location))
        }
        return findings
    }
}

// MARK: Messages

extension ShortOptionUnhedged {
    fileprivate static func message(_ type: OptionType, _ quantity: Double, _ base: String) -> String {
        let cover = type == .call ? "a long call or long \(base)" : "a long put or short \(base)"
        return "net short \(LintNumber.format(quantity)) \(base) of \(type)s with nothing covering them and no `hedge:` section: add a `hedge:` section, or cover them with \(cover)"
    }
}
