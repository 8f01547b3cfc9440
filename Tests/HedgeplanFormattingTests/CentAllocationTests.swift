import Testing
@testable import HedgeplanFormatting

/// Rounded components add up to the rounded total, each at most a cent from its own
/// rounding; worked by hand.
struct CentAllocationTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let amounts: [Double]
        let parts: [Double]
        let total: Double
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
        // Past 2^51 cents nothing is allocated (a double holds no cents there), and nothing
        // traps: each part is its own amount in cents, rounded.
        Row(amounts: [-3.5e25, 20.004], parts: [-3.5e27, 2000], total: -3.5e27),
    ]

    @Test(arguments: rows)
    func partsAddUpToTheTotal(_ row: Row) {
        let (parts, total) = CentAllocation.cents(row.amounts)
        #expect(parts == row.parts)
        #expect(total == row.total)
        if abs(total) < 1e15 { #expect(parts.reduce(0, +) == total) }
        #expect(parts.allSatisfy { $0 == $0.rounded() && ($0 != 0 || $0.sign == .plus) })
    }

    /// Parts of a subtotal shown elsewhere (the options cell of a report's cycle table, fixed
    /// by the row's own allocation) add up to that subtotal, not to their own rounded sum.
    @Test(arguments: [
        // 0.4 cent each, 2 cents to share: the two first of equal remainders get one each.
        Row(amounts: [0.004, 0.004, 0.004], parts: [1, 1, 0], total: 2),
        // 10.006 + 5.006 = 15.012, shown as 15.00: each was raised 0.4 cent by its rounding
        // (1001 + 501 = 1502), so both give one back.
        Row(amounts: [10.006, 5.006], parts: [1000, 500], total: 1500),
        // Already the subtotal's: unchanged.
        Row(amounts: [2309.774, -533.944, -354.266], parts: [230977, -53394, -35427], total: 142156),
    ])
    func partsAddUpToAGivenSubtotal(_ row: Row) {
        let parts = CentAllocation.cents(row.amounts, addingUpTo: row.total)
        #expect(parts == row.parts)
        #expect(parts.reduce(0, +) == row.total)
    }
}
