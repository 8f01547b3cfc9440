import Feeds

extension PriceHistory {
    /// The prices of a CSV feed (`compile --history`, `tune --history`), read with the
    /// streaming feed reader (bad rows skipped and counted as in a run); the step is the
    /// median spacing of its ticks (an hour when it has fewer than two).
    public static func load(csvPath path: String) throws -> PriceHistory {
        var prices: [Double] = []
        var steps: [Int64] = []
        let feed = try CSVFeed(path: path)
        var last: Int64?
        while let tick = try feed.next() {
            prices.append(tick.price)
            if let last { steps.append(tick.timestamp - last) }
            last = tick.timestamp
        }
        steps.sort()
        let stepMs = steps.isEmpty ? 3_600_000 : steps[steps.count / 2]
        var history = PriceHistory(prices: prices, stepSeconds: max(1, stepMs / 1000), name: path)
        if let first = feed.issues.firstRejectedRow, let summary = feed.issues.rejectionSummary {
            history.rejectedRows = "\(path):\(first.line):\(first.column ?? 1): \(summary)"
        }
        return history
    }
}
