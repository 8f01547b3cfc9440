import Testing
@testable import Pricing

/// N^-1 against quantiles computed independently with mpmath at 30 digits
/// (sqrt(2) erfinv(2p - 1)), and against the library's own N by round trip.
struct InverseNormalCDFTests {
    @Test(arguments: [
        (0.5, 0.0), (0.975, 1.959963984540054), (0.995, 2.575829303548901), (0.9, 1.281551565544601),
        (0.025, -1.959963984540054), (1e-10, -6.361340902404056), (0.99999, 4.264890793922825),
    ])
    func publishedQuantiles(p: Double, x: Double) throws {
        let q = try #require(InverseNormalCDF.quantile(p))
        #expect(abs(q - x) <= 1e-12 * max(1, abs(x)))
    }

    @Test func roundTrip() throws {
        for i in 1..<1000 {
            let p = Double(i) / 1000
            let x = try #require(InverseNormalCDF.quantile(p))
            #expect(abs(ElementaryFunctions.normalCDFPair(x).lower - p) < 1e-15)
        }
    }

    @Test func outsideTheUnitIntervalIsNil() {
        #expect(InverseNormalCDF.quantile(0) == nil)
        #expect(InverseNormalCDF.quantile(1) == nil)
        #expect(InverseNormalCDF.quantile(.nan) == nil)
    }
}
