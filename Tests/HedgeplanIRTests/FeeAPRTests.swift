import HedgeplanDiagnostics
import Testing
@testable import HedgeplanIR

/// `fee_apr` on lp legs and the lp-hedge template (issue 10, item 9): a percent or a
/// fraction, at most 1000%, only where there is a liquidity position, with located errors.
struct FeeAPRTests {
    static func strategy(_ legs: String) -> String {
        """
        hedgeplan: 1
        name: fees
        underlying: ETH/USDC
        market: { spot: 3000, volatility: 60% }
        \(legs)
        execution:
          venues: [{ name: pool, kind: constant-product, reserves: { base: 1000, quote: 3000000 }, fee: 0.30% }]
        """
    }

    static func feeAPR(_ loaded: LoadedStrategy) -> Double? {
        guard case .liquidity(let terms) = loaded.strategy?.legs.first?.instrument else { return nil }
        return terms.feeAPR?.value
    }

    @Test func aPercentOrAFractionOnAnLpLegAndTheTemplate() {
        let leg = load(Self.strategy("legs:\n  - { id: pool, side: long, type: lp, venue: pool, capital: 100000, fee_apr: 25% }"))
        #expect(!leg.hasErrors, "\(leg.diagnostics.map(\.message))")
        #expect(Self.feeAPR(leg) == 0.25)
        let template = load(Self.strategy("structure:\n  lp-hedge: { venue: pool, capital: 100000, fee_apr: 0.4 }"))
        #expect(!template.hasErrors, "\(template.diagnostics.map(\.message))")
        #expect(Self.feeAPR(template) == 0.4)
        let absent = load(Self.strategy("legs:\n  - { id: pool, side: long, type: lp, venue: pool, capital: 100000 }"))
        #expect(Self.feeAPR(absent) == nil)
    }

    @Test func outOfRangeIsLocated() {
        let loaded = load(Self.strategy("legs:\n  - { id: pool, side: long, type: lp, venue: pool, capital: 100000, fee_apr: -5% }"))
        #expect(loaded.hasErrors)
        let error = loaded.diagnostics.first { $0.severity == .error }
        #expect(error?.location.line == 6)
        #expect(error?.location.column == 78)   // the value `-5%`
        #expect(error?.message.contains("fee_apr") == true, "\(error?.message ?? "")")
        let tooHigh = load(Self.strategy("structure:\n  lp-hedge: { venue: pool, capital: 100000, fee_apr: 2000% }"))
        #expect(tooHigh.hasErrors)
    }

    @Test func onlyLpLegsTakeIt() {
        let loaded = load(Self.strategy("legs:\n  - { id: s, side: long, type: spot, quantity: 1, fee_apr: 20% }"))
        let error = loaded.diagnostics.first { $0.severity == .error }
        #expect(error?.message == "a spot leg takes no `fee_apr`")
        #expect(error?.location.line == 6)
    }
}
