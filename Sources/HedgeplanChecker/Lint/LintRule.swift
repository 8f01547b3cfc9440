import HedgeplanDiagnostics
import HedgeplanIR

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
