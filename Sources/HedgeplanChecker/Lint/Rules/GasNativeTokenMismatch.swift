import HedgeplanDiagnostics
import HedgeplanIR

/// Gas whose native token cannot be priced from the strategy's underlying.
///
/// Gas is paid in the chain's native token and converted to QUOTE through the feed's price.
/// The feed prices BASE in QUOTE, so gas can be costed when the native token is BASE or
/// QUOTE. Without `gas.native` the token is taken to be BASE, which is right only when BASE
/// is itself a chain's native token (ETH, BNB, POL, AVAX, SOL, ...); for BTC/USDC it would
/// price gas in BTC. A native token that is neither BASE nor QUOTE has no price at all, so
/// gas-aware bands and cost checks leave gas out.
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
        let native = gas.native.value.uppercased()
        let base = context.base.uppercased()
        if native.isEmpty {
            guard !Self.chainNativeTokens.contains(base) else { return [] }
            return [finding(Self.missingNative(context), at: gas.native.location)]
        }
        guard native != base, native != context.quote.uppercased() else { return [] }
        return [finding(Self.unpriced(gas.native.value, context), at: gas.native.location)]
    }
}

// MARK: Messages

extension GasNativeTokenMismatch {
    fileprivate static func missingNative(_ context: LintContext) -> String {
        "`gas` names no `native` token, and \(context.base) pays for gas on no chain: say which token gas is paid in, "
            + "for example `native: ETH`"
    }

    fileprivate static func unpriced(_ native: String, _ context: LintContext) -> String {
        "gas is paid in \(native), but the feed prices only \(context.base) in \(context.quote): gas costs cannot be "
            + "converted to \(context.quote), so gas-aware bands and cost checks leave them out"
    }
}
