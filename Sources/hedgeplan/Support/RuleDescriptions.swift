import HedgeplanChecker
import HedgeplanCompiler
import HedgeplanDiagnostics
import HedgeplanGovernance

/// One line for every rule id the program can emit, for SARIF's `tool.driver.rules`: the
/// front end's and the command line's own (`RuleCatalog`), lint's (`LintRegistry`), governance's
/// (`GovernanceRules`), and the
/// checker's and compiler's, which are declared beside the code that raises them.
/// `RuleDescriptionTests` scans the sources and fails on an id missing here.
enum RuleDescriptions {
    static let checkerAndCompiler: [RuleID: String] = [
        .analysisSkipped: "Analysis could not run (spot or volatility missing).",
        .riskBound: "`defined_risk` or `max_loss` does not hold for the exact payoff.",
        .greekBand: "A greek at inception is outside its declared band.",
        .scenario: "A stress scenario loses more than `max_loss`.",
        .feasibility: "The strategy cannot be executed as declared (no venue offers the hedge instrument).",
        .unresolvableStrike: "A strike cannot be resolved against the market (no strike has the requested delta).",
        .compile: "The compiler needs something the strategy or the command line does not give.",
    ]

    static var all: [RuleID: String] {
        RuleCatalog.descriptions
            .merging(checkerAndCompiler) { first, _ in first }
            .merging(LintRegistry.descriptions) { first, _ in first }
            .merging(GovernanceRules.descriptions) { first, _ in first }
    }
}
