import Testing
@testable import HedgeplanCharts
import HedgeplanFormatting

/// Locale-free formatting: coordinates, single labels, axis tick labels.
@Suite struct NumberFormatTests {
    let m = "\u{2212}"

    @Test(arguments: [
        (12.5, "12.5"), (100.0, "100"), (-3.14159, "-3.14"), (0.004, "0"), (-0.004, "0"), (-0.0, "0"),
        (0.005, "0.01"), (1234567.891, "1234567.89"), (799.999, "800"), (0.1 + 0.2, "0.3"),
    ])
    func coordinates(_ value: Double, _ expected: String) {
        #expect(NumberFormat.coordinate(value) == expected)
    }

    @Test func fixedOptions() {
        #expect(NumberFormat.fixed(1234567.891, decimals: 2, grouping: true) == "1,234,567.89")
        #expect(NumberFormat.fixed(2.5, decimals: 0) == "3")
        #expect(NumberFormat.fixed(-2.5, decimals: 0) == "-3")
        #expect(NumberFormat.fixed(1.5, decimals: 3) == "1.500")
        #expect(NumberFormat.fixed(1.5, decimals: 3, trimZeros: true) == "1.5")
        #expect(NumberFormat.fixed(-2500, decimals: 0, grouping: true, minus: m) == "\(m)2,500")
        #expect(NumberFormat.fixed(.nan, decimals: 2) == "NaN")
        #expect(NumberFormat.fixed(-.infinity, decimals: 2) == "-inf")
        #expect(NumberFormat.fixed(999, decimals: 0, grouping: true) == "999")
        #expect(NumberFormat.fixed(1000, decimals: 0, grouping: true) == "1,000")
    }

    @Test(arguments: [
        (2638.0, "2,638"), (-1380, "\u{2212}1,380"), (620, "620"), (62.5, "62.5"), (0.25, "0.25"),
        (0.0125, "0.0125"), (1200, "1,200"), (9999, "9,999"), (12_345, "12.3k"), (123_456, "123k"),
        (3_500_000, "3.5M"), (999_950, "1M"), (1.2e9, "1.2B"), (4.2e12, "4.2T"), (0, "0"), (-0.0, "0"),
        (1.5, "1.5"), (-25_000, "\u{2212}25k"),
    ])
    func compact(_ value: Double, _ expected: String) {
        #expect(NumberFormat.compact(value) == expected)
    }

    struct TickCase: Sendable {
        var step: Double, maxMagnitude: Double, style: TickLabelFormat.Style
        var values: [Double], labels: [String]
    }

    static let tickCases: [TickCase] = [
        TickCase(step: 20, maxMagnitude: 100, style: .number, values: [0, 20, 100], labels: ["0", "20", "100"]),
        TickCase(step: 500, maxMagnitude: 1500, style: .number, values: [-1500, -500, 0, 1000],
                 labels: ["\u{2212}1,500", "\u{2212}500", "0", "1,000"]),
        TickCase(step: 2500, maxMagnitude: 7500, style: .number, values: [-2500, 5000], labels: ["\u{2212}2,500", "5,000"]),
        TickCase(step: 5000, maxMagnitude: 20000, style: .number, values: [0, 5000, 15000], labels: ["0", "5k", "15k"]),
        TickCase(step: 200, maxMagnitude: 12000, style: .number, values: [11000, 11200], labels: ["11.0k", "11.2k"]),
        TickCase(step: 500_000, maxMagnitude: 3.5e6, style: .number, values: [1e6, 3.5e6], labels: ["1.0M", "3.5M"]),
        TickCase(step: 1e9, maxMagnitude: 5e9, style: .number, values: [5e9], labels: ["5B"]),
        TickCase(step: 0.05, maxMagnitude: 0.25, style: .number, values: [0.05, 0.25], labels: ["0.05", "0.25"]),
        TickCase(step: 0.25, maxMagnitude: 1, style: .number, values: [0.25, 0.5, 1], labels: ["0.25", "0.50", "1.00"]),
        TickCase(step: 0.05, maxMagnitude: 0.25, style: .percent, values: [0, 0.05, 0.25], labels: ["0%", "5%", "25%"]),
        TickCase(step: 0.025, maxMagnitude: 0.1, style: .percent, values: [-0.025, 0.1], labels: ["\u{2212}2.5%", "10.0%"]),
        TickCase(step: 2, maxMagnitude: 1.5e6, style: .percent, values: [2], labels: ["200%"]),
    ]

    @Test(arguments: tickCases)
    func tickLabels(_ c: TickCase) {
        let f = TickLabelFormat(step: c.step, maxMagnitude: c.maxMagnitude, style: c.style)
        #expect(c.values.map(f.format) == c.labels)
    }

    @Test(arguments: [(1.0, 0), (0.5, 1), (0.25, 2), (0.2, 1), (0.001, 3), (2000, 0), (0.1 + 0.2, 1)])
    func decimalsForStep(_ step: Double, _ expected: Int) {
        #expect(TickLabelFormat.decimalsToShow(step) == expected)
    }

    @Test(arguments: [(1.0, 0), (9.99, 0), (10, 1), (0.1, -1), (0.099, -2), (0.001, -3), (1e-10, -10), (7460, 3)])
    func decimalExponent(_ x: Double, _ expected: Int) {
        #expect(NumberFormat.decimalExponent(x) == expected)
    }
}
