import HedgeplanDiagnostics
import HedgeplanIR

/// A roll period that differs from the time to the structure's first option expiry.
///
/// `roll:` re-opens the structure at expiry. A shorter period opens a new structure while
/// the last one is still open, so positions stack up; a longer one leaves the vault without
/// its options between expiry and the roll. The check compares `roll.every` with the
/// first option expiry counted from the valuation time, to within an hour.
public struct RollBeforeExpiry: LintRule {
    public static let id: RuleID = "roll-misaligned-with-expiry"
    public static let defaultSeverity = Severity.warning
    public static let rationale = "A roll that does not fall on the expiry stacks overlapping structures or leaves the vault uncovered."

    /// Seconds by which the roll and the expiry may differ.
    public static let tolerance = 3_600.0

    public init() {}

    public func check(_ context: LintContext) -> [Diagnostic] {
        let strategy = context.strategy
        guard let roll = strategy.roll else { return [] }
        let expiries = strategy.legs.compactMap { $0.instrument.option?.expiry.value.seconds(from: strategy.valuationTime) }
        guard let first = expiries.min(), first > 0, abs(roll.every.value.seconds - first) > Self.tolerance else { return [] }
        return [finding(Self.message(every: roll.every.value, expirySeconds: first), at: roll.every.location)]
    }
}

// MARK: Messages

extension RollBeforeExpiry {
    fileprivate static func message(every: TimeSpan, expirySeconds: Double) -> String {
        let expiry = TimeSpan(seconds: expirySeconds)
        let days = LintNumber.format(expirySeconds / TimeSpan.secondsPerDay, decimals: 2)
        if every.seconds < expirySeconds {
            return "the structure rolls every \(every), before its first option expires (\(days) days): each roll opens a "
                + "new structure while the last is still open; roll every \(expiry), or shorten the expiry"
        }
        return "the structure rolls every \(every), after its first option expires (\(days) days): the vault holds no "
            + "options between expiry and the roll; roll every \(expiry), or lengthen the expiry"
    }
}
