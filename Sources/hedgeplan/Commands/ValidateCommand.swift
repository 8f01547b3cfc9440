import ArgumentParser
import Foundation
import HedgeplanDiagnostics
import HedgeplanChecker
import HedgeplanCompiler
import HedgeplanIR

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check strategy files and report every problem found.",
        discussion: """
            Reads each FILE, parses its YAML (YAML 1.2 core typing), and checks types, units, \
            ranges, unknown and missing keys, unique ids, references, expiries and template shapes; \
            then proves the declared risk bounds (defined_risk, max_loss, greek bands, scenarios) \
            from the exact payoff at expiry and the market model, and that a venue offers the hedge. \
            A portfolio file (top-level `portfolio:`) is checked with its members: member files \
            that do not exist, shared venues whose kind differs from a member's venue of the same \
            name, copies below 1, members whose hedge no venue offers. \
            Every problem is reported, not only the first, as PATH:LINE:COLUMN: severity: message [rule].

            Text diagnostics go to standard error; --format json and --format sarif print to \
            standard output. Durations count from market.as_of, or from the current time (set \
            HEDGEPLAN_NOW to an ISO 8601 instant to pin it).

            Examples:
              hedgeplan validate strategies/*.yaml
              hedgeplan validate strategy.yaml --format sarif > results.sarif
            """
    )

    @Argument(help: "Strategy or portfolio files (YAML).")
    var files: [String]

    @OptionGroup var output: DiagnosticOutputOptions

    func run() throws {
        let now = try ValuationClock.now()
        // A file with a top-level `portfolio:` key is a portfolio: its members are checked with it.
        let portfolios = files.filter(PortfolioLoader.isPortfolio).map { PortfolioCompiler.compile(path: $0, now: now) }
        let portfolioPaths = Set(portfolios.map(\.loaded.path))
        let checked = files.filter { !portfolioPaths.contains($0) }.map { Checker.validate(path: $0, now: now) }
        let loaded = checked.map(\.loaded)
        let diagnostics = checked.flatMap(\.diagnostics) + portfolios.flatMap(\.diagnostics)
        var texts: [String: String] = [:]
        for file in loaded { texts[file.path] = file.source?.text }
        for portfolio in portfolios { texts.merge(portfolio.sources) { first, _ in first } }
        output.emit(diagnostics, texts: texts)
        if output.format == .text {
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            var summary = "\(files.count) file\(files.count == 1 ? "" : "s") checked: "
                + (errors + warnings == 0 ? "no problems" : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            if loaded.contains(where: { $0.strategy.map { !$0.valuationTimeIsAsOf } ?? false }) {
                summary += " (durations counted from \(now), \(ValuationClock.source), where market.as_of is absent)"
            }
            Terminal.standardError.write(summary + "\n")
        }
        if loaded.contains(where: \.isIOFailure) || portfolios.contains(where: \.loaded.isIOFailure) { throw ExitCode(74) }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}
