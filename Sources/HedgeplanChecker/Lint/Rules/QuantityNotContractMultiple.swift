import HedgeplanDiagnostics
import HedgeplanIR

/// An option leg's quantity that is not a whole number of contracts.
///
/// Contract sizes follow Deribit: BTC options are 0.1 BTC, ETH options 1 ETH, and any other
/// underlying is taken as 1 unit of BASE (wrapped tokens count as their coin: WBTC is
/// BTC, WETH is ETH). Spot, perp and lp legs trade in any size and are not checked.
public struct QuantityNotContractMultiple: LintRule {
    public static let id: RuleID = "quantity-not-contract-multiple"
    public static let defaultSeverity = Severity.warning
    public static let rationale = "Options trade in whole contracts; an odd quantity is rounded and leaves an unintended residue."

    /// BASE per contract, by BASE symbol (upper case).
    public static let contractSizes: [String: Double] = [
        "BTC": 0.1, "WBTC": 0.1, "CBBTC": 0.1, "TBTC": 0.1,
        "ETH": 1, "WETH": 1, "STETH": 1,
    ]

    /// BASE per option contract for `base`: the table above, 1 otherwise.
    public static func contractSize(base: String) -> Double {
        contractSizes[base.uppercased()] ?? 1
    }

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let size = Self.contractSize(base: context.base)
        var seen = Set<SourceLocation>()
        var findings: [Diagnostic] = []
        for leg in context.strategy.legs {
            guard leg.instrument.option != nil, let quantity = leg.quantity, seen.insert(quantity.location).inserted else { continue }
            let contracts = quantity.value / size
            guard abs(contracts - contracts.rounded()) > 1e-9 * max(1, contracts) else { continue }
            findings.append(finding(Self.message(quantity.value, size: size, context), at: quantity.location))
        }
        return findings
    }
}

// MARK: Messages

extension QuantityNotContractMultiple {
    fileprivate static func message(_ quantity: Double, size: Double, _ context: LintContext) -> String {
        let below = (quantity / size).rounded(.down) * size
        let above = below + size
        return "quantity \(LintNumber.format(quantity)) \(context.base) is not a whole number of \(LintNumber.format(size)) "
            + "\(context.base) option contracts; "
            + (below > 0 ? "use \(LintNumber.format(below)) or \(LintNumber.format(above))" : "use at least \(LintNumber.format(above))")
    }
}
