import HedgeplanDiagnostics
import HedgeplanIR

/// A `price_move` breaker whose window is shorter than one hour.
///
/// The bundled history and typical OHLCV files have one price an hour. A move across one
/// step counts against the window it spans, so on such a feed a 5-minute rule measures the
/// whole hourly step: it trips on an hourly move of its size, which is not what "10% in 5
/// minutes" says, and it sees nothing finer. The rule assumes an hourly step because the
/// strategy does not name its feed; `dry-run` notes the same thing with the feed's real step.
public struct PriceMoveWindowBelowFeedStep: LintRule {
    public static let id: RuleID = "price-move-window-below-feed-step"
    public static let defaultSeverity = Severity.warning
    public static let rationale = "A price_move window under 1 hour is shorter than an hourly feed's step (the bundled history, typical OHLCV files): the breaker then measures whole steps."
    /// The step of the feeds the rule assumes: hourly, seconds.
    public static let likelyFeedStep = TimeSpan(seconds: 3_600)

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        (context.strategy.safety?.circuitBreakers ?? []).compactMap { breaker in
            guard case .priceMove(let window, let above) = breaker.condition.value, window < Self.likelyFeedStep else { return nil }
            return finding(Self.message(window: window, above: above), at: breaker.condition.location)
        }
    }
}

// MARK: Messages

extension PriceMoveWindowBelowFeedStep {
    fileprivate static func message(window: TimeSpan, above: Double) -> String {
        "the price_move window \(window) is shorter than 1 hour, the step of hourly feeds (the bundled history, typical OHLCV files); "
            + "on them a move across one step counts against the window, so this breaker trips on a move of \(LintNumber.percent(above)) "
            + "in one hour and sees nothing finer: use `window: 1h` or longer, or a feed whose step is \(window) or less"
    }
}
