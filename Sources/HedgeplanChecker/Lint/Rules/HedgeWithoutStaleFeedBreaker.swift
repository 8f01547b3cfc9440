import HedgeplanDiagnostics
import HedgeplanIR

/// A strategy that hedges with no `feed_stale` circuit breaker.
///
/// A hedger computes its trades from the last price it saw. When the feed stops, the
/// position's delta keeps moving while the hedger believes nothing changed, and the first
/// fresh tick can arrive after a gap that the hedge should have followed all along. A
/// `feed_stale` breaker halts the plan instead of hedging on a price that is no longer true.
public struct HedgeWithoutStaleFeedBreaker: LintRule {
    public static let id: RuleID = "hedge-without-stale-feed-breaker"
    public static let defaultSeverity = Severity.warning
    public static let rationale = "A hedger that keeps running on a stale price trades on deltas that are no longer true."

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        guard let hedge = context.strategy.hedge else { return [] }
        let breakers = context.strategy.safety?.circuitBreakers ?? []
        let watchesFeed = breakers.contains { breaker in
            if case .feedStale = breaker.condition.value { return true }
            return false
        }
        guard !watchesFeed else { return [] }
        return [finding(Self.message(hedge.instrument.value), at: hedge.location)]
    }
}

// MARK: Messages

extension HedgeWithoutStaleFeedBreaker {
    fileprivate static func message(_ instrument: HedgeInstrument) -> String {
        "the strategy hedges on \(instrument.rawValue) but no circuit breaker watches the feed: add "
            + "`{ when: feed_stale, above: 60s, then: halt }` to `safety.circuit_breakers`"
    }
}
