/// Counts of hedged and unhedged P&L per path in common bins, for the report's histogram.
/// Bins are equal, between the lowest and the highest P&L of either sample; the last bin
/// includes its upper edge.
public struct PnLHistogram: Equatable, Sendable {
    /// `bins + 1` edges, QUOTE, increasing.
    public var edges: [Double]
    public var hedged: [Int]
    public var unhedged: [Int]

    public init(hedged: [Double], unhedged: [Double], bins: Int = 60) {
        let all = hedged + unhedged
        guard let low = all.min(), let high = all.max() else {
            edges = []
            self.hedged = []
            self.unhedged = []
            return
        }
        let width = high > low ? (high - low) / Double(bins) : 1
        edges = (0...bins).map { low + Double($0) * width }
        func counts(_ values: [Double]) -> [Int] {
            var c = [Int](repeating: 0, count: bins)
            for v in values { c[min(bins - 1, max(0, Int((v - low) / width)))] += 1 }
            return c
        }
        self.hedged = counts(hedged)
        self.unhedged = counts(unhedged)
    }
}
