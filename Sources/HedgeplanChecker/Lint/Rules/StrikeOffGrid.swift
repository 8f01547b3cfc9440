import Foundation
import HedgeplanDiagnostics
import HedgeplanIR
import HedgeplanFormatting

/// An absolute option strike that is not a multiple of the venue-style strike grid.
///
/// Option venues list strikes on a grid that scales with the price: this rule uses
/// 5 · 10^(⌊log10 spot⌋ − 2) QUOTE at the market's spot (the strike's own level when the
/// market names no spot), so ETH at 3,000 has strikes every 50 and BTC at 90,000 every 500
/// (Deribit lists at least these). Strikes written relative to spot, `atm` or by delta are
/// rules, re-resolved at every roll; putting their resolution on a listed strike is the
/// compiler's job, so they are not flagged.
public struct StrikeOffGrid: LintRule {
    public static let id: RuleID = "strike-off-grid"
    public static let defaultSeverity = Severity.note
    public static let rationale = "Venues list strikes on a grid; an off-grid strike cannot be traded as written."

    public init() {}

    /// The grid step at price level `spot`, QUOTE: 5 · 10^(⌊log10 spot⌋ − 2).
    public static func gridStep(spot: Double) -> Double {
        guard spot > 0, spot.isFinite else { return 0 }
        return 5 * pow(10, (log10(spot)).rounded(.down) - 2)
    }

    /// Whether `strike` is a multiple of `step` (to 1e-9 of a step).
    public static func isOnGrid(_ strike: Double, step: Double) -> Bool {
        guard step > 0 else { return true }
        let multiple = strike / step
        return abs(multiple - multiple.rounded()) <= 1e-9 * max(1, abs(multiple))
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        let spot = context.analysis?.model.spot ?? context.strategy.market.spot?.value
        let strikes = context.strategy.legs.compactMap { leg -> (strike: Double, written: Located<Strike>)? in
            guard let written = leg.instrument.option?.strike, case .absolute(let k) = written.value else { return nil }
            return (k, written)
        }
        var seen = Set<SourceLocation>()
        var findings: [Diagnostic] = []
        for (strike, written) in strikes where seen.insert(written.location).inserted {
            let step = Self.gridStep(spot: spot ?? strike)
            guard !Self.isOnGrid(strike, step: step) else { continue }
            findings.append(finding(Self.message(strike, step: step, context), at: written.location))
        }
        return findings
    }
}

// MARK: Messages

extension StrikeOffGrid {
    fileprivate static func message(_ strike: Double, step: Double, _ context: LintContext) -> String {
        let below = (strike / step).rounded(.down) * step
        return "strike \(Money.plain(strike)) is not on the \(LintNumber.format(step)) \(context.quote) grid of listed "
            + "strikes at this price level; the nearest listed strikes are \(Money.plain(below)) and \(Money.plain(below + step))"
    }
}
