import PlanFormat
import HedgeplanRuntime

/// The figures of a `stress` run, from every path's outcome: what the reports render.
public struct StressSummary: Sendable {
    public struct WorstPath: Equatable, Sendable {
        public var path: Int
        /// Hedged P&L, QUOTE.
        public var pnl: Double
        /// A `dry-run --feed` string that replays the path.
        public var feed: String
    }

    public var header: StressHeader
    /// Hedged P&L per path.
    public var hedged: Distribution
    /// The structure held without hedge or breakers, on the same paths.
    public var unhedged: Distribution
    /// Mean of each P&L component over paths, QUOTE; they add up to `hedged.mean`.
    public var components: PnLComponents
    /// Rebalances per path: mean and max.
    public var hedgesMean: Double
    public var hedgesMax: Int
    /// Paths on which each watched breaker condition tripped, in `header.conditions` order.
    public var breakerPaths: [Int]
    /// The worst paths by hedged P&L, lowest first (ties: lower index first).
    public var worst: [WorstPath]
    public var histogram: PnLHistogram

    public static let worstCount = 10

    /// The `count` outcomes of lowest hedged P&L, lowest first, ties by path index: what
    /// sorting them all and keeping the first `count` gives, in one pass (a run may have a
    /// million paths; the summary keeps ten).
    static func lowest(_ count: Int, of outcomes: [PathOutcome]) -> [PathOutcome] {
        func precedes(_ a: PathOutcome, _ b: PathOutcome) -> Bool {
            (a.hedged.pnl.total, a.path) < (b.hedged.pnl.total, b.path)
        }
        var kept: [PathOutcome] = []
        kept.reserveCapacity(count + 1)
        for o in outcomes where kept.count < count || precedes(o, kept[kept.count - 1]) {
            let at = kept.firstIndex { precedes(o, $0) } ?? kept.count
            kept.insert(o, at: at)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }

    /// `outcomes` must hold every path 0..<header.paths, in index order.
    public init(header: StressHeader, outcomes: [PathOutcome]) {
        precondition(outcomes.count == header.paths && outcomes.enumerated().allSatisfy { $0.offset == $0.element.path })
        self.header = header
        let hedgedPnL = outcomes.map(\.hedged.pnl.total)
        let unhedgedPnL = outcomes.map(\.unhedged)
        hedged = Distribution(hedgedPnL)
        unhedged = Distribution(unhedgedPnL)
        histogram = PnLHistogram(hedged: hedgedPnL, unhedged: unhedgedPnL)
        var sum = PnLComponents()
        var hedgeCount = 0
        var most = 0
        for o in outcomes {
            sum = sum + o.hedged.pnl
            hedgeCount += o.hedged.hedges
            most = max(most, o.hedged.hedges)
        }
        let n = Double(max(1, outcomes.count))
        components = sum.scaled(by: 1 / n)
        hedgesMean = Double(hedgeCount) / n
        hedgesMax = most
        breakerPaths = header.conditions.map { name in
            outcomes.reduce(0) { $0 + ($1.hedged.tripped.contains { $0.rawValue == name } ? 1 : 0) }
        }
        worst = Self.lowest(Self.worstCount, of: outcomes).map {
            WorstPath(path: $0.path, pnl: $0.hedged.pnl.total, feed: header.feed(path: $0.path))
        }
    }
}
