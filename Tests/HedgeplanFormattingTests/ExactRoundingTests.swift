import Foundation
import Testing
import HedgeplanFormatting

/// Money and `%g` text against C's printf, the rule the reports were written with.
/// Expected strings from Python 3 (`'%.2f' % v`, `'%.0f' % v`, `'%.4g' % v`), which rounds
/// the exact binary value with ties to even as glibc does; one deliberate difference: a
/// negative value that rounds to zero is written without a sign (`0.00`, not `-0.00`).
@Suite struct ExactRoundingTests {
    static let fixedCases: [(Double, String, String)] = [
        (0.125, "0.12", "0"),
        (0.375, "0.38", "0"),
        (2.5, "2.50", "2"),
        (-2.5, "-2.50", "-2"),
        (0.285, "0.28", "0"),
        (1.005, "1.00", "1"),
        (1234567.891, "1,234,567.89", "1,234,568"),
        (-0.004, "0.00", "0"),
        (0.005, "0.01", "0"),
        (1e20, "100,000,000,000,000,000,000.00", "100,000,000,000,000,000,000"),
        (2.675, "2.67", "3"),
        (-1234.565, "-1,234.57", "-1,235"),
        (999.995, "1,000.00", "1,000"),
        (Double.leastNonzeroMagnitude, "0.00", "0"),
    ]

    @Test(arguments: fixedCases)
    func moneyRoundsLikePrintf(_ value: Double, _ twoPlaces: String, _ noPlaces: String) {
        #expect(Money.grouped(value, decimals: 2) == twoPlaces)
        #expect(Money.grouped(value, decimals: 0) == noPlaces)
    }

    @Test func largestDoubleIsWrittenExactly() {
        let text = Money.grouped(.greatestFiniteMagnitude, decimals: 0).filter { $0 != "," }
        #expect(text.hasPrefix("1797693134862315708145274237317043567980705675258449965989174768031572607800285387605895586327668781715404589535143824642343213268894641827684675467035375169860499105765512820762454900903893289440758685084551339423045832369032229481658085593321233482747978262041447231687381771809192998812504040261841248583"))
        #expect(text.count == 309)
    }

    static let significantCases: [(Double, String)] = [
        (0.00012345, "0.0001234"),
        (1.2345e-05, "1.234e-05"),
        (-0.0012344999, "-0.001234"),
        (0.0099995, "0.009999"),
        (123456.0, "1.235e+05"),
        (1e-300, "1e-300"),
        (0.001, "0.001"),
        (-7.2e-05, "-7.2e-05"),
        (1234567.891, "1.235e+06"),
        (-1234.565, "-1235"),
        (999.995, "1000"),
        (Double.leastNonzeroMagnitude, "4.941e-324"),
        (0.125, "0.125"),
    ]

    @Test(arguments: significantCases)
    func significantDigitsLikePercentG(_ value: Double, _ expected: String) {
        #expect(NumberFormat.significant(value, digits: 4) == expected)
    }

    /// 20,000 values over 40 decades (a fixed linear congruential sequence), each against
    /// glibc's printf through Foundation's `String(format:)`.
    @Test func agreesWithPrintf() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let mantissa = Double(state >> 11) / Double(1 << 53)
            let exponent = Int((state >> 3) % 40) - 20
            let value = (mantissa * 10 - 5) * pow(10, Double(exponent))
            let decimals = Int(state % 7)
            var expected = String(format: "%.\(decimals)f", value)
            if expected.hasPrefix("-"), !expected.contains(where: { ("1"..."9").contains($0) }) { expected.removeFirst() }
            #expect(NumberFormat.fixed(value, decimals: decimals, rounding: .halfToEven) == expected, "\(value)")
            #expect(NumberFormat.significant(value, digits: 4) == String(format: "%.4g", value), "\(value)")
        }
    }
}
