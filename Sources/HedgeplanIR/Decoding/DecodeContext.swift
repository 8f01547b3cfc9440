import HedgeplanDiagnostics
import HedgeplanSyntax

/// What the decoder carries through one file: the diagnostics found so far and the clock.
/// Decoding never stops at the first problem: each reader reports and goes on, so one run
/// shows every problem it can find.
final class DecodeContext {
    private(set) var diagnostics: [Diagnostic] = []
    /// The instant durations count from when `market.as_of` is absent.
    let now: Instant

    init(now: Instant) {
        self.now = now
    }

    func error(_ rule: RuleID, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(rule, message, at: location, notes: notes))
    }

    func warning(_ rule: RuleID, _ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.warning, rule, message, at: location))
    }
}
