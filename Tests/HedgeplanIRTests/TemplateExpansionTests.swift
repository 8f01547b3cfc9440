import Testing
@testable import HedgeplanIR
import HedgeplanFormatting

/// Each template of the design page's table expands into the legs the table names:
/// sides, types, strikes and quantities, worked out by hand from the table.
struct TemplateExpansionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var structure: String
        /// `side type strike quantity` per leg; strike `-` for spot and lp legs.
        var legs: [String]
        var testDescription: String { structure.prefix(while: { $0 != ":" }).description }
    }

    static let cases: [Case] = [
        Case(structure: "covered-call: { quantity: 10, strike: 3300, expiry: 30d }",
             legs: ["long spot - 10", "short call 3300 10"]),
        Case(structure: "cash-secured-put: { quantity: 2, strike: 2700, expiry: 7d }",
             legs: ["short put 2700 2"]),
        Case(structure: "protective-put: { quantity: 3, strike: \"-10%\", expiry: 30d }",
             legs: ["long spot - 3", "long put -10% 3"]),
        Case(structure: "collar: { quantity: 5, put: 2700, call: 3400, expiry: 30d }",
             legs: ["long spot - 5", "long put 2700 5", "short call 3400 5"]),
        Case(structure: "vertical-spread: { type: call, quantity: 4, strikes: [3000, 3300], expiry: 14d }",
             legs: ["long call 3000 4", "short call 3300 4"]),
        Case(structure: "straddle: { side: short, quantity: 6, strike: atm, expiry: 7d }",
             legs: ["short put atm 6", "short call atm 6"]),
        Case(structure: "strangle: { side: long, quantity: 1, strikes: [2800, 3200], expiry: 7d }",
             legs: ["long put 2800 1", "long call 3200 1"]),
        Case(structure: "butterfly: { type: put, quantity: 2, strikes: [2800, 3000, 3200], expiry: 14d }",
             legs: ["long put 2800 2", "short put 3000 4", "long put 3200 2"]),
        Case(structure: "iron-butterfly: { quantity: 3, strike: 3000, wings: 250, expiry: 7d }",
             legs: ["long put 2750 3", "short put 3000 3", "short call 3000 3", "long call 3250 3"]),
        Case(structure: "iron-butterfly: { quantity: 3, strike: atm, wings: 10%, expiry: 7d }",
             legs: ["long put -10% 3", "short put atm 3", "short call atm 3", "long call +10% 3"]),
        Case(structure: "iron-condor: { quantity: 10, puts: [2500, 2700], calls: [3300, 3500], expiry: 7d }",
             legs: ["long put 2500 10", "short put 2700 10", "short call 3300 10", "long call 3500 10"]),
        Case(structure: "calendar: { type: call, quantity: 7, strike: 3000, expiries: [7d, 30d] }",
             legs: ["short call 3000 7", "long call 3000 7"]),
    ]

    @Test(arguments: cases)
    func expansion(_ c: Case) throws {
        let result = load("""
            hedgeplan: 1
            name: template
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            structure:
              \(c.structure)
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let legs = try #require(result.strategy).legs.map { leg in
            let strike = leg.instrument.option.map { "\($0.strike.value)" } ?? "-"
            return "\(leg.side.value.rawValue) \(leg.instrument.type.rawValue) \(strike) \(NumberFormat.asWritten(leg.quantity?.value ?? 0))"
        }
        #expect(legs == c.legs)
    }

    @Test func templateLegsHaveUniqueGeneratedIDs() throws {
        let strategy = try #require(load("""
            hedgeplan: 1
            name: ids
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            structure:
              iron-condor: { quantity: 1, puts: [2500, 2700], calls: [3300, 3500], expiry: 7d }
            """).strategy)
        #expect(strategy.legs.map(\.id.value) == [
            "iron-condor.long-put", "iron-condor.short-put", "iron-condor.short-call", "iron-condor.long-call",
        ])
    }

    @Test func lpHedgeMakesOneLiquidityLegOnAConcentratedVenue() throws {
        let result = load("""
            hedgeplan: 1
            name: lp
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            structure:
              lp-hedge: { venue: univ3, range: [2400, 3600], capital: 60000 }
            execution:
              venues:
                - { name: univ3, kind: concentrated-liquidity, fee: 0.05%, positions: [{ range: [2400, 3600], liquidity: 9.0e5 }] }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let leg = try #require(result.strategy?.legs.first)
        guard case .liquidity(let terms) = leg.instrument else {
            Issue.record("expected an lp leg")
            return
        }
        #expect(terms.venue.value == "univ3")
        #expect(terms.range?.value == PriceRange(lower: 2400, upper: 3600))
        #expect(terms.capital.value == 60_000)
    }

    /// Each shape rule is reported at the node that breaks it.
    @Test(arguments: [
        ("iron-condor: { quantity: 1, puts: [2500, 2700], calls: [3300, 3200], expiry: 7d }", "6:65 template-shape"),
        ("iron-condor: { quantity: 1, puts: [2500, 2700], calls: [2600, 3500], expiry: 7d }", "6:59 template-shape"),
        ("collar: { quantity: 1, put: 3400, call: 2700, expiry: 7d }", "6:43 template-shape"),
        ("strangle: { side: long, quantity: 1, strikes: [3200, 2800], expiry: 7d }", "6:56 template-shape"),
        ("vertical-spread: { type: call, quantity: 1, strikes: [3000, 3000], expiry: 7d }", "6:63 template-shape"),
        ("butterfly: { type: call, quantity: 1, strikes: [2800, 3000, 3100], expiry: 7d }", "6:63 template-shape"),
        ("calendar: { type: put, quantity: 1, strike: 3000, expiries: [30d, 30d] }", "6:69 template-shape"),
        ("iron-butterfly: { quantity: 1, strike: \"+5%\", wings: 200, expiry: 7d }", "6:56 template-shape"),
    ])
    func shapeRuleLocations(structure: String, expected: String) {
        let result = load("""
            hedgeplan: 1
            name: shapes
            underlying: ETH/USDC
            market: { spot: 3000, volatility: 60% }
            structure:
              \(structure)
            """)
        #expect(summary(result.diagnostics) == [expected], "\(result.diagnostics.map(\.message))")
    }

    @Test func relativeStrikesAreOrderedWithoutASpot() {
        let result = load("""
            hedgeplan: 1
            name: relative
            underlying: ETH/USDC
            market: { volatility: 60% }
            structure:
              iron-condor: { quantity: 1, puts: ["-10%", "-15%"], calls: ["+5%", "+10%"], expiry: 7d }
            """)
        #expect(summary(result.diagnostics) == ["6:46 template-shape"])
    }
}
