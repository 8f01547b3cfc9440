import Foundation
import Testing
import HedgeplanTestSupport

/// Implied volatility where users reach for it (issue 14): `price --implied-vol` on a quoted
/// chain, and `analyze`'s per-leg implied volatility of each premium.
@Suite struct ImpliedVolatilityCommandTests {
    /// The bundled Merton condor's model premiums, inverted to Black-Scholes volatilities: the
    /// smile the jumps put on (wings above the 65% diffusion volatility). References: scipy's
    /// `brentq` (xtol 1e-15) on the textbook Black-Scholes formula with spot 3,000, rate 4%,
    /// no carry, at the premiums and year fractions `analyze --format json` prints.
    @Test func analyzeShowsEachLegsImpliedVolatility() throws {
        let run = try HedgeplanProcess.run(["analyze", "strategies/eth-iron-condor-perp-hedged.yaml", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let legs = json["legs"] as! [[String: Any]]
        let implied = Dictionary(uniqueKeysWithValues: legs.map { ($0["id"] as! String, $0["implied_volatility"] as? Double) })
        let expected = [
            "iron-condor.long-put": 0.6901975625314914, "iron-condor.short-put": 0.6758350642661117,
            "iron-condor.short-call": 0.6680742665780834, "iron-condor.long-call": 0.6690029991371063,
        ]
        for (id, sigma) in expected {
            let got = try #require(implied[id] ?? nil, "\(id) has no implied volatility")
            #expect(abs(got - sigma) < 1e-9, "\(id): \(got) against \(sigma)")
        }
        let text = try HedgeplanProcess.run(["analyze", "strategies/eth-iron-condor-perp-hedged.yaml"])
        #expect(text.stdout.contains("implied vol"))
        #expect(text.stdout.contains("69.02%"))
    }

    @Test func priceImpliedVolRefusesAModelAndLocatesABadPrice() throws {
        let folder = try ScratchFolder.make("hedgeplan-iv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let quotes = folder.appendingPathComponent("quotes.csv")
        try Data("id,type,spot,strike,r,q,T,price\nA,call,100,100,0.05,0,1,10.450583572185565\nB,put,100,110,0.05,0,0.5,1.0\n".utf8).write(to: quotes)
        let merton = try HedgeplanProcess.run(["price", quotes.path, "--implied-vol", "--model", "merton"])
        #expect(merton.status == 64)
        #expect(merton.stderr.contains("--implied-vol is the Black-Scholes volatility of each price; it takes no --model"))
        let bad = try HedgeplanProcess.run(["price", quotes.path, "--implied-vol"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "\(quotes.path):3:26: error: price 1.0 is below the option's discounted intrinsic value 7.284090323116587: no volatility gives it\n")
    }
}
