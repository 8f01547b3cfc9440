import Testing
@testable import Pricing

/// Every row of Haug's Merton (1976) jump-diffusion table (QuantLib's jumpdiffusion.cpp),
/// within the source's tolerance, using the table's derived series inputs.
@Suite struct MertonReferenceTests {
    static let rows = Fixture.rows("merton76_jump_diffusion_haug")

    @Test func tableIsComplete() { #expect(Self.rows.count == 90) }

    @Test(arguments: rows)
    func value(_ row: FixtureRow) throws {
        let o = try EuropeanOption(
            kind: OptionKind(parsing: Substring(row.text("type")))!, spot: row.number("spot"),
            strike: row.number("strike"), rate: row.number("r"), carry: row.number("q"),
            volatility: row.number("diffusion_vol"), timeToExpiry: row.number("T"))
        let jumps = try JumpParameters(intensity: row.number("jump_intensity"),
                                       meanLog: row.number("jump_mean_log"), volatility: row.number("jump_vol"))
        let v = try MertonJumpDiffusion.valuation(o, jumps: jumps)
        #expect(abs(v.price - row.number("expected_value")) <= row.number("tolerance"), "\(row): \(v.price)")
    }
}
