import Testing
@testable import HedgeplanFormatting

/// Rounded components add up to the rounded total, each at most a cent from its own
/// rounding; worked by hand.
struct CentAllocationTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let amounts: [Double]
        let parts: [Int64]
        let total: Int64
        var testDescription: String { "\(amounts)" }
    }

    static let rows: [Row] = [
        // 0.4 + 0.4 + 0.4 cents = 1.2 cents → 1 cent; each rounds to 0, the first largest remainder gets it.
        Row(amounts: [0.004, 0.004, 0.004], parts: [1, 0, 0], total: 1),
        // 10.007 + 20.008 − 5.004 = 25.011 → 25.01; separately 10.01 + 20.01 − 5.00 = 25.02: the cent comes
        // back from the part rounded up the most (−5.004 was raised by 0.4 cent, the others by 0.3 and 0.2).
        Row(amounts: [10.007, 20.008, -5.004], parts: [1001, 2001, -501], total: 2501),
        // Already consistent: unchanged.
        Row(amounts: [1.25, -0.75, 100], parts: [125, -75, 10000], total: 10050),
        // A negative zero shows as 0.
        Row(amounts: [-0.001, 0.001], parts: [0, 0], total: 0),
    ]

    @Test(arguments: rows)
    func partsAddUpToTheTotal(_ row: Row) {
        let (parts, total) = CentAllocation.cents(row.amounts)
        #expect(parts == row.parts)
        #expect(total == row.total)
        #expect(parts.reduce(0, +) == total)
    }
}
