import Foundation
import HedgeplanDiagnostics
import HedgeplanIR
import HedgeplanFormatting

/// One lint rule: something legal but unwise, with a stable id, a default severity and a
/// one-line rationale. A rule reads the strategy (and its analysis, when the market names
/// spot and volatility) and returns diagnostics at the offending nodes.
///
/// Rules are stateless values; one file per rule under `Lint/Rules/`, its messages at the
/// bottom of the same file. `LintRegistry.rules` lists them all.
public protocol LintRule: Sendable {
    /// Kebab-case, stable: configuration files and inline suppressions name it.
    static var id: RuleID { get }
    /// `warning` or `note`; a configuration file may change it.
    static var defaultSeverity: Severity { get }
    /// Why the rule exists, in one line (README table, SARIF rule descriptions).
    static var rationale: String { get }

    /// The findings for one strategy, at `defaultSeverity`; the engine applies the configured severity.
    func check(_ context: LintContext) -> [Diagnostic]
}

extension LintRule {
    public var id: RuleID { Self.id }
    public var defaultSeverity: Severity { Self.defaultSeverity }
    public var rationale: String { Self.rationale }

    /// A finding of this rule at `location`, at the rule's default severity.
    func finding(_ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) -> Diagnostic {
        Diagnostic(Self.defaultSeverity, Self.id, message, at: location, notes: notes)
    }
}

/// What a rule sees: the typed strategy and, when it could be analysed, its analysis
/// (resolved legs with absolute strikes and premiums, model, greeks, payoff).
public struct LintContext: Sendable {
    public var strategy: Strategy
    public var analysis: StrategyAnalysis?

    public init(strategy: Strategy, analysis: StrategyAnalysis?) {
        self.strategy = strategy
        self.analysis = analysis
    }

    public var base: String { strategy.underlying.value.base }
    public var quote: String { strategy.underlying.value.quote }
}

/// Numbers in lint messages: amounts to at most `decimals` places, trailing zeros dropped,
/// thousands grouped (`0.14`, `1,425.5`, `3,000`).
enum LintNumber {
    static func format(_ value: Double, decimals: Int = 4) -> String {
        NumberFormat.fixed(value, decimals: decimals, trimZeros: true, grouping: true, rounding: .halfToEven)
    }

    /// A number with three significant digits, for small quantities like gamma (`-0.0123`).
    static func significant(_ value: Double) -> String {
        guard value != 0, value.isFinite else { return format(value) }
        let digits = max(0, 2 - Int((log10(abs(value))).rounded(.down)))
        return format(value, decimals: min(digits, 10))
    }

    /// A fraction as a percentage: 0.0005 -> `0.05%`.
    static func percent(_ fraction: Double) -> String { format(fraction * 100, decimals: 4) + "%" }

    /// A volatility as points: 0.652 -> `65.2%`.
    static func volatility(_ sigma: Double) -> String { format(sigma * 100, decimals: 1) + "%" }
}
