import Testing
@testable import Venues

/// Perp fills and funding, by hand.
struct PerpVenueTests {
    @Test func fillsAtMarkWithFeeAndNoImpact() throws {
        var perp = try PerpVenue(markPrice: 3000, fee: 0.0005, annualFundingRate: 0.10)
        let fill = try perp.execute(.buy, base: 2)
        #expect(fill.quote == 6003)          // 2 * 3000 * 1.0005
        #expect(fill.fee == 3)
        #expect(fill.priceImpact == 0)
        #expect(fill.midAfter == 3000)
        #expect(perp.position == 2)
        let sell = try perp.quote(.sell, base: 2)
        #expect(sell.quote == 5997)
    }

    /// Long 2 at 3000, 10%/year for one day: 2*3000*0.10/365 = 1.643835... paid.
    @Test func fundingByHand() throws {
        var perp = try PerpVenue(markPrice: 3000, fee: 0.0005, annualFundingRate: 0.10)
        _ = try perp.execute(.buy, base: 2)
        let paid = try perp.accrueFunding(seconds: 86_400)
        #expect(abs(paid - 1.643_835_616_438_356) < 1e-12)
        // Flip to short 1 and move the mark: a short receives at the new mark.
        _ = try perp.execute(.sell, base: 3)
        try perp.updateMark(3300)
        let received = try perp.accrueFunding(seconds: 43_200)
        #expect(abs(received - (-1 * 3300 * 0.10 / 730)) < 1e-12)   // -0.45205...
        #expect(abs(perp.fundingPaid - (1.643_835_616_438_356 - 0.452_054_794_520_548)) < 1e-12)
        // Negative rate: longs receive.
        var negative = try PerpVenue(markPrice: 100, fee: 0, annualFundingRate: -0.365)
        _ = try negative.execute(.buy, base: 1)
        #expect(abs(try negative.accrueFunding(seconds: 86_400) - (-0.1)) < 1e-12)
    }

    @Test func slippageCapIsTheFee() throws {
        let perp = try PerpVenue(markPrice: 3000, fee: 0.0005, annualFundingRate: 0)
        #expect(perp.largestSize(.buy, maxSlippage: 0.005) == .infinity)
        #expect(perp.largestSize(.sell, maxSlippage: 0.0004) == 0)
    }
}
