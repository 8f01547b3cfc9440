import HedgeplanDiagnostics
import HedgeplanIR
import Pricing
import HedgeplanFormatting

/// A declared premium whose Black-Scholes implied volatility is more than 15 volatility
/// points from the model's, or that no volatility reproduces at all.
///
/// The model's volatility is the implied volatility of the model's own price for the same
/// option: the market volatility under Black-Scholes, and a little more under Merton,
/// whose jumps add value. Comparing implied volatilities rather than prices judges deep
/// out-of-the-money wings and at-the-money bodies on one scale.
public struct PremiumOffModel: LintRule {
    public static let id: RuleID = "premium-off-model"
    public static let defaultSeverity = Severity.warning
    public static let rationale = "A premium far from the model price is usually a typo, a stale quote or a per-contract price."

    /// Volatility points (as a fraction: 0.15 = 15 points) beyond which a premium is flagged.
    public static let tolerance = 0.15

    public init() {}

    /// Black-Scholes implied volatility of `price` for a European option with no carry.
    public static func impliedVolatility(
        price: Double, kind: OptionKind, spot: Double, strike: Double, rate: Double, years: Double
    ) -> Result<Double, ImpliedVolatilityError> {
        ImpliedVolatility.solve(price: price, sign: kind.sign, spot: spot, strike: strike, rate: rate, carry: 0, timeToExpiry: years)
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        guard let analysis = context.analysis else { return [] }
        let model = analysis.model
        var findings: [Diagnostic] = []
        for leg in analysis.legs {
            guard case .option(let kind, let strike, let years) = leg.terms, years > 0, !leg.premiumIsModelPrice,
                let premium = leg.leg.premium
            else { continue }
            let modelPrice = model.value(kind, strike: strike, years: years).price
            let modelVolatility = (try? Self.impliedVolatility(
                price: modelPrice, kind: kind, spot: model.spot, strike: strike, rate: model.rate, years: years).get())
                ?? model.volatility
            let prices = Prices(declared: premium.value, model: modelPrice, modelVolatility: modelVolatility, kind: kind, strike: strike)
            switch Self.impliedVolatility(price: premium.value, kind: kind, spot: model.spot, strike: strike, rate: model.rate, years: years) {
            case .success(let declaredVolatility):
                guard abs(declaredVolatility - modelVolatility) > Self.tolerance else { continue }
                findings.append(finding(Self.offModel(prices, declaredVolatility: declaredVolatility, context), at: premium.location))
            case .failure(.belowIntrinsic(let intrinsic)):
                findings.append(finding(Self.belowIntrinsic(prices, intrinsic: intrinsic, context), at: premium.location))
            case .failure(.aboveUpperBound(let bound)):
                findings.append(finding(Self.aboveBound(prices, bound: bound, context), at: premium.location))
            case .failure:
                continue
            }
        }
        return findings
    }

    struct Prices {
        var declared: Double
        var model: Double
        var modelVolatility: Double
        var kind: OptionKind
        var strike: Double
    }
}

// MARK: Messages

extension PremiumOffModel {
    private static func option(_ p: Prices, _ context: LintContext) -> String {
        "the \(Money.plain(p.strike)) \(p.kind)"
    }

    private static func model(_ p: Prices, _ context: LintContext) -> String {
        "the model price \(LintNumber.format(p.model, decimals: 2)) \(context.quote) at \(LintNumber.volatility(p.modelVolatility)) implied volatility"
    }

    fileprivate static func offModel(_ p: Prices, declaredVolatility: Double, _ context: LintContext) -> String {
        let points = LintNumber.format((declaredVolatility - p.modelVolatility) * 100, decimals: 1)
        return "premium \(LintNumber.format(p.declared, decimals: 2)) \(context.quote) for \(option(p, context)) implies "
            + "\(LintNumber.volatility(declaredVolatility)) volatility, \(points.hasPrefix("-") ? "" : "+")\(points) points from "
            + "\(model(p, context)); check the quote, and that it is per 1 \(context.base)"
    }

    fileprivate static func belowIntrinsic(_ p: Prices, intrinsic: Double, _ context: LintContext) -> String {
        "no volatility gives premium \(LintNumber.format(p.declared, decimals: 2)) \(context.quote) for \(option(p, context)): "
            + "it is below the option's discounted intrinsic value \(LintNumber.format(intrinsic, decimals: 2)) \(context.quote); "
            + "\(model(p, context)) is above it"
    }

    fileprivate static func aboveBound(_ p: Prices, bound: Double, _ context: LintContext) -> String {
        "no volatility gives premium \(LintNumber.format(p.declared, decimals: 2)) \(context.quote) for \(option(p, context)): "
            + "an option is worth less than \(LintNumber.format(bound, decimals: 2)) \(context.quote) at any volatility; "
            + "compare \(model(p, context))"
    }
}
