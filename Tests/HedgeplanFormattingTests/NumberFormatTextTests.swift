import Testing
import HedgeplanFormatting

/// Plain numbers, percentages and grouped integers, each checked by hand.
@Suite struct NumberFormatTextTests {
    @Test func chartsRoundTiesAwayFromZero() {
        #expect(NumberFormat.fixed(2.5, decimals: 0) == "3")
        #expect(NumberFormat.fixed(-2.5, decimals: 0) == "-3")
        #expect(NumberFormat.fixed(0.125, decimals: 2) == "0.13")
        // 1.005 is 1.00499999999999989... and 1.005 x 100 is 100.49999999999999: down either way.
        #expect(NumberFormat.fixed(1.005, decimals: 2) == "1.00")
        // 687.8249999999999 is exactly 687.82499999999993178... (Python: Decimal(x)) but
        // x * 100 == 68782.5 in binary: charts round the product (as the payoff SVG golden
        // has it), printf the exact value (Python: '%.2f' % x == '687.82').
        #expect(NumberFormat.fixed(687.8249999999999, decimals: 2) == "687.83")
        #expect(NumberFormat.fixed(687.8249999999999, decimals: 2, rounding: .halfToEven) == "687.82")
    }

    @Test func percentages() {
        #expect(NumberFormat.percent(0.0825, decimals: 2) == "8.25%")
        #expect(NumberFormat.percent(0.5, decimals: 1, trimZeros: true) == "50%")
        #expect(NumberFormat.percent(-0.125, decimals: 1, minus: NumberFormat.minusSign) == "\u{2212}12.5%")
    }

    @Test func integersGrouped() {
        #expect(NumberFormat.grouped(0) == "0")
        #expect(NumberFormat.grouped(999) == "999")
        #expect(NumberFormat.grouped(26_280) == "26,280")
        #expect(NumberFormat.grouped(-1_234_567) == "-1,234,567")
        #expect(NumberFormat.grouped(Int.min) == "-9,223,372,036,854,775,808")
    }

    @Test func numbersAsWritten() {
        #expect(NumberFormat.asWritten(2500) == "2500")
        #expect(NumberFormat.asWritten(0.25) == "0.25")
        #expect(NumberFormat.asWritten(-3) == "-3")
        #expect(NumberFormat.asWritten(9e17) == "9e+17")
    }

    @Test func money() {
        #expect(Money.format(6300.25, "USDC") == "6,300.25 USDC")
        #expect(Money.plain(2500) == "2,500")
        #expect(Money.plain(2637.955) == "2,637.96")
        #expect(Money.typographic("-1,234.56") == "\u{2212}1,234.56")
        #expect(RiskNumber.format(-0.10444) == "-0.1044")
        #expect(RiskNumber.format(0.0000123456) == "1.235e-05")
        #expect(RiskNumber.format(2500) == "2,500.00")
    }
}
