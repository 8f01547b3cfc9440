import Testing
@testable import Pricing

/// Every row of Haug's Black-Scholes tables (as carried by QuantLib's test suite), within
/// the source's tolerance. Their greeks are in QuantLib units: vega and rho per 1.00 of
/// volatility or rate, theta per year, so ours (per point, per day) are converted here.
@Suite struct BlackScholesReferenceTests {
    static let values = Fixture.rows("bs_european_values_haug")
    static let greeks = Fixture.rows("bs_european_greeks_haug")

    static func option(_ row: FixtureRow) throws -> EuropeanOption {
        try EuropeanOption(
            kind: OptionKind(parsing: Substring(row.text("type")))!, spot: row.number("spot"),
            strike: row.number("strike"), rate: row.number("r"), carry: row.number("q"),
            volatility: row.number("vol"), timeToExpiry: row.number("T"))
    }

    @Test func tablesAreComplete() {
        #expect(Self.values.count == 43)
        #expect(Self.greeks.count == 11)
    }

    @Test(arguments: values)
    func value(_ row: FixtureRow) throws {
        let v = BlackScholes.valuation(try Self.option(row))
        #expect(abs(v.price - row.number("expected_value")) <= row.number("tolerance"), "\(row)")
    }

    @Test(arguments: greeks)
    func greek(_ row: FixtureRow) throws {
        let o = try Self.option(row)
        let v = BlackScholes.valuation(o)
        let computed: Double
        switch row.text("greek") {
        case "delta": computed = v.delta
        case "gamma": computed = v.gamma
        case "vega": computed = v.vega / OptionValuation.point
        case "theta": computed = v.theta * OptionValuation.daysPerYear
        case "thetaPerDay": computed = v.theta
        case "rho": computed = v.rho / OptionValuation.point
        // dV/dq = -T S dV/dS for Black-Scholes-Merton (q enters only through S e^(-qT)).
        case "dividendRho": computed = -o.timeToExpiry * o.spot * v.delta
        case "elasticity": computed = v.delta * o.spot / v.price
        default: Issue.record("unknown greek \(row.text("greek"))"); return
        }
        #expect(abs(computed - row.number("expected_value")) <= row.number("tolerance"), "\(row): \(computed)")
    }
}
