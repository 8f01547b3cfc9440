import HedgeplanDiagnostics
import HedgeplanIR

/// A `gas:` section with no `native` token, on an underlying whose BASE pays for gas on no chain.
///
/// Gas is paid in the chain's native token and converted to QUOTE through the feed's
/// native-token price. Without `gas.native` the token is taken to be BASE, which is right
/// only when BASE is itself a chain's native token (ETH, BNB, POL, AVAX, SOL, ...); for
/// BTC/USDC it would price gas in BTC, some 30 times too dear. An explicit native token
/// (`native: ETH` for a BTC perp on an L2) is what the rule asks for and is never flagged.
public struct GasNativeTokenMismatch: LintRule {
    public static let id: RuleID = "gas-native-token-mismatch"
    public static let defaultSeverity = Severity.warning
    public static let rationale = "Gas priced in the wrong token makes every gas-aware band and cost figure wrong."

    /// Tokens that pay for gas on some chain (upper case).
    public static let chainNativeTokens: Set<String> = [
        "ETH", "BNB", "POL", "MATIC", "AVAX", "SOL", "FTM", "S", "XDAI", "CELO", "GLMR", "ONE", "TRX", "MNT", "SEI", "BERA",
    ]

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        guard let gas = context.strategy.execution?.gas else { return [] }
        guard gas.native.value.isEmpty, !Self.chainNativeTokens.contains(context.base.uppercased()) else { return [] }
        return [finding(Self.missingNative(context), at: gas.native.location)]
    }
}

// MARK: Messages

extension GasNativeTokenMismatch {
    fileprivate static func missingNative(_ context: LintContext) -> String {
        "`gas` names no `native` token, so gas would be priced in \(context.base), which pays for gas on no chain: "
            + "say which token gas is paid in, for example `native: ETH`"
    }

}
