import Foundation
import HedgeplanDiagnostics
import HedgeplanIR
import Pricing
import HedgeplanFormatting

/// Settles each leg's numbers against the market: relative and atm strikes become prices,
/// delta strikes are solved under Black-Scholes, expiries become years from the valuation
/// time, missing premiums are priced by the model, and lp capital becomes a liquidity L.
public struct LegResolver: Sendable {
    public var model: ValuationModel
    public var valuationTime: Instant
    public var venues: [Venue]

    public init(model: ValuationModel, valuationTime: Instant, venues: [Venue]) {
        self.model = model
        self.valuationTime = valuationTime
        self.venues = venues
    }

    public func resolve(_ legs: [Leg]) -> (legs: [ResolvedLeg], diagnostics: [Diagnostic]) {
        var resolved: [ResolvedLeg] = []
        var diagnostics: [Diagnostic] = []
        for leg in legs {
            switch resolve(leg) {
            case .success(let r): resolved.append(r)
            case .failure(let d): diagnostics.append(d)
            }
        }
        return (resolved, diagnostics)
    }

    public func years(until expiry: Expiry) -> Double {
        expiry.seconds(from: valuationTime) / TimeSpan.secondsPerYear
    }

    func resolve(_ leg: Leg) -> Result<ResolvedLeg, Diagnostic> {
        let q = leg.signedQuantity ?? 1
        func make(_ terms: ResolvedLeg.Terms, premium: Double = 0, model modelPrice: Bool = false) -> ResolvedLeg {
            ResolvedLeg(id: leg.id.value, terms: terms, quantity: q, premium: premium, premiumIsModelPrice: modelPrice,
                        location: leg.location, leg: leg)
        }
        switch leg.instrument {
        case .option(let o):
            let kind: OptionKind = o.type == .call ? .call : .put
            let t = years(until: o.expiry.value)
            guard let strike = strike(o.strike.value, kind: kind, years: t) else {
                return .failure(.error(
                    .unresolvableStrike, "no strike has a Black-Scholes delta of \(NumberFormat.asWritten(o.strike.value.deltaValue ?? 0)) for a \(kind)",
                    at: o.strike.location))
            }
            // A written strike is held to the feeds' price range; one solved from a delta (a
            // delta of 0.01 at 1000% volatility over 5 years is a strike of 5e134) is too.
            guard LanguageDefinition.priceRange.contains(strike) else {
                return .failure(.error(
                    .unresolvableStrike,
                    "this strike resolves to \(NumberFormat.asWritten(strike)), outside the prices a plan can trade (1e-12 to 1e12)",
                    at: o.strike.location))
            }
            let premium = leg.premium?.value ?? model.value(kind, strike: strike, years: t).price
            return .success(make(.option(kind: kind, strike: strike, years: t), premium: premium, model: leg.premium == nil))
        case .spot, .perp:
            return .success(make(.linear(entry: model.spot)))
        case .future(let expiry):
            let t = years(until: expiry.value)
            return .success(make(.future(entry: model.spot * exp(model.rate * t), years: t)))
        case .liquidity(let terms):
            // Liquidity L such that the position is worth `capital` at spot: value is linear in L.
            func position(_ liquidity: Double) -> LiquidityPosition? {
                guard let range = terms.range?.value else { return try? LiquidityPosition.fullRange(liquidity: liquidity) }
                return try? LiquidityPosition(liquidity: liquidity, lower: range.lower, upper: range.upper)
            }
            guard let unit = position(1), unit.value(at: model.spot) > 0,
                let scaled = position(terms.capital.value / unit.value(at: model.spot))
            else {
                return .failure(.error(.unresolvableStrike, "the liquidity range holds nothing at spot \(NumberFormat.asWritten(model.spot))", at: leg.location))
            }
            return .success(make(.liquidity(position: scaled, capital: terms.capital.value)))
        }
    }

    /// The absolute strike: relative to spot, at the money, or solved from a call delta
    /// (puts: a negative delta, N(d1) - 1) under Black-Scholes with the market volatility.
    public func strike(_ strike: Strike, kind: OptionKind, years t: Double) -> Double? {
        switch strike {
        case .absolute(let k): return k
        case .relative(let r): return Self.clean(model.spot * (1 + r))
        case .atTheMoney: return model.spot
        case .delta(let d):
            return DeltaStrike.strike(delta: d, spot: model.spot, volatility: model.volatility, rate: model.rate, years: t)
        }
    }

    /// Rounds away binary noise (3000 x 1.1 = 3300.0000000000005) at 1e-9 relative, far
    /// below any strike grid, so resolved strikes print and compare as people expect.
    static func clean(_ x: Double) -> Double {
        let scale = pow(10, 9 - (log10(abs(x))).rounded(.up))
        return (x * scale).rounded() / scale
    }
}

extension Strike {
    var deltaValue: Double? {
        if case .delta(let d) = self { return d }
        return nil
    }
}

extension RuleID {
    /// A strike that cannot be resolved against the market (a delta no strike has).
    public static let unresolvableStrike: RuleID = "unresolvable-strike"
}
