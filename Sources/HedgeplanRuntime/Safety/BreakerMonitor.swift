import PlanFormat

/// Watches the plan's circuit breakers on every tick: price moves over a window, stale or
/// gapped data, drawdown, and slippage on fills.
struct BreakerMonitor: Sendable {
    let rules: [BreakerRule]
    /// Rule indices by condition, so the per-tick checks compare no strings.
    private let staleRules: [Int]
    private let moveRules: [Int]
    private let drawdownRules: [Int]
    private let slippageRules: [Int]
    /// The smallest price-move threshold (infinity without such a rule): a move at or below
    /// it trips nothing, which is every tick but the rare one, with no loop over the rules.
    private let smallestMoveThreshold: Double
    /// `smallestMoveThreshold` less a relative 1e-6: |price - reference| at or below this
    /// times the reference is a move that the division would also put at or below the
    /// threshold. The margin, 1e-6 of the threshold, is over a thousand times the few ulps
    /// by which the two computations can differ, for thresholds of 1e-6 and more
    /// (`PriceMoveDecisionTests`).
    private let quietBelow: Double
    /// Whether `quietBelow` may settle a tick; below 1e-6 the division decides every tick.
    private let movesWithoutDivision: Bool
    /// A price at an instant, ms since epoch.
    private struct Sample {
        var time: Int64
        var price: Double
    }
    /// Ring buffer covering the longest price-move window (one array: one write a tick).
    private var samples: [Sample]
    private var head = 0
    private var count = 0
    private let window: Int64

    init(rules: [BreakerRule]) {
        self.rules = rules
        staleRules = rules.indices.filter { rules[$0].condition == .feedStale }
        moveRules = rules.indices.filter { rules[$0].condition == .priceMove }
        drawdownRules = rules.indices.filter { rules[$0].condition == .drawdown }
        slippageRules = rules.indices.filter { rules[$0].condition == .slippage }
        window = (rules.compactMap { $0.condition == .priceMove ? $0.windowSeconds : nil }.max() ?? 0) * 1000
        smallestMoveThreshold = moveRules.map { rules[$0].threshold }.min() ?? .infinity
        quietBelow = smallestMoveThreshold * (1 - 1e-6)
        movesWithoutDivision = smallestMoveThreshold >= 1e-6 && smallestMoveThreshold.isFinite
        watchesFeed = !staleRules.isEmpty || window > 0
        samples = Array(repeating: Sample(time: 0, price: 0), count: window > 0 ? 4096 : 1)
    }

    struct Trip: Sendable, Equatable {
        var rule: Int
        var condition: BreakerRule.Condition
        var action: BreakerRule.Action
        var pauseSeconds: Int64?
        /// What was measured: a fraction, or seconds for feed_stale.
        var measured: Double
    }

    /// Records a price and returns the first price-move or staleness rule that trips.
    /// Staleness is judged against the feed's own cadence: a silence counts when the feed
    /// flags the tick as coming after a gap (a step well beyond its typical one, or a live
    /// feed that went quiet), so an hourly history does not trip a 60 s rule on every bar.
    @inline(__always)  // every tick of a plan with a feed breaker comes here
    mutating func observe(price: Double, time: Int64, previousTime: Int64?, afterGap: Bool) -> Trip? {
        if let previous = previousTime, afterGap {
            let silence = Double(time - previous) / 1000
            for index in staleRules where silence > rules[index].threshold {
                let rule = rules[index]
                record(price, time)
                return Trip(rule: index, condition: rule.condition, action: rule.action, pauseSeconds: rule.pauseSeconds, measured: silence)
            }
        }
        guard window > 0 else { return nil }
        // The reference is the newest sample at or before the window's start, or the oldest
        // inside it: a move across one step that is longer than the window (a -15% hourly
        // candle against a 5-minute rule) counts against the window it spans.
        while count > 1, time - samples[slot(after: head)].time >= window {
            head = slot(after: head)
            count -= 1
        }
        record(price, time)
        let reference = samples[head].price
        // Most ticks move far less than the smallest threshold: settled with a product, not
        // the division (a divider the option kernels share), by a margin far wider than the
        // two sides' rounding (`movesWithoutDivision`).
        if movesWithoutDivision, abs(price - reference) <= quietBelow * reference { return nil }
        let move = abs(price / reference - 1)
        guard move > smallestMoveThreshold else { return nil }
        for index in moveRules where move > rules[index].threshold {
            let rule = rules[index]
            return Trip(rule: index, condition: rule.condition, action: rule.action, pauseSeconds: rule.pauseSeconds, measured: move)
        }
        return nil
    }

    /// The ring's slot after `index`: a compare, not the integer division of `%` (every tick
    /// goes through here).
    private func slot(after index: Int) -> Int {
        index + 1 == samples.count ? 0 : index + 1
    }

    @inline(__always)
    private mutating func record(_ price: Double, _ time: Int64) {
        guard window > 0 else { return }
        if count == samples.count {
            // Full: drop the oldest sample rather than grow without bound.
            head = slot(after: head)
            count -= 1
        }
        let end = head + count
        let tail = end < samples.count ? end : end - samples.count
        samples[tail] = Sample(time: time, price: price)
        count += 1
    }

    /// Whether any rule watches drawdown (the base is only computed then).
    var watchesDrawdown: Bool { !drawdownRules.isEmpty }

    /// Whether any rule watches the feed itself (staleness or price moves): without one,
    /// `observe` has nothing to record or check.
    let watchesFeed: Bool

    /// The longest price-move window, ms.
    var longestWindow: Int64 { window }

    /// Drawdown as a fraction of the book's capital base (`HedgeBook.drawdownBase`).
    func checkDrawdown(_ drawdown: Double) -> Trip? {
        for index in drawdownRules where drawdown > rules[index].threshold {
            let rule = rules[index]
            return Trip(rule: index, condition: rule.condition, action: rule.action, pauseSeconds: rule.pauseSeconds, measured: drawdown)
        }
        return nil
    }

    func checkSlippage(_ slippage: Double) -> Trip? {
        for index in slippageRules where slippage > rules[index].threshold {
            let rule = rules[index]
            return Trip(rule: index, condition: rule.condition, action: rule.action, pauseSeconds: rule.pauseSeconds, measured: slippage)
        }
        return nil
    }
}
