import ArgumentParser
import Foundation
import HedgeplanChecker
import HedgeplanCompiler
import HedgeplanDiagnostics
import HedgeplanIR

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check strategy files, then report what is legal but unwise.",
        discussion: """
            Runs every check of `validate`, then lint rules with stable ids and a severity each \
            (warning or note by default): a short option with no hedge, a delta band narrower \
            than the Whalley-Wilmott optimum for its fees and gas or wider than the position's \
            whole delta, a premium far from the model price, a strike off the venue grid, a \
            quantity that is not whole contracts, an expiry no venue lists, no circuit breakers \
            on an unbounded loss, and more (the README lists every rule).

            Configuration: the nearest .hedgeplan-lint.yml beside the strategy or in a parent \
            directory (or --config FILE) sets severities:
              rules:
                strike-off-grid: off
                premium-off-model: error
            An inline comment silences rules on one node: at the end of its line, or alone on \
            the line above it:
              strike: 3333   # hedgeplan-lint: disable=strike-off-grid

            Exit status: 0 when no error is reported (warnings and notes allowed), 1 when one is \
            (validate's errors, a rule raised to error, a malformed configuration), 64 usage, \
            74 a file could not be read. Text goes to standard error; json and sarif to standard \
            output. Durations count from market.as_of, or from HEDGEPLAN_NOW or the current time.

            Examples:
              hedgeplan lint strategies/*.yaml
              hedgeplan lint vault.yaml --config ci/.hedgeplan-lint.yml
              hedgeplan lint strategies/*.yaml --format sarif > lint.sarif
            """
    )

    @Argument(help: "Strategy or portfolio files (YAML); a portfolio's strategy members are linted with it.")
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("A lint configuration file, used instead of the nearest .hedgeplan-lint.yml.", valueName: "FILE"))
    var config: String?

    @OptionGroup var output: DiagnosticOutputOptions

    func run() throws {
        let now = try ValuationClock.now()
        // A portfolio is checked with its members; its strategy members are linted as files.
        let portfolios = files.filter(PortfolioLoader.isPortfolio).map { PortfolioCompiler.compile(path: $0, now: now) }
        let portfolioPaths = Set(portfolios.map(\.loaded.path))
        let members = portfolios.flatMap(\.strategyPaths)
        var paths = files.filter { !portfolioPaths.contains($0) }
        for member in members where !paths.contains(member) { paths.append(member) }
        let run = Linter().lint(paths: paths, now: now, configuration: config.map { .file($0) } ?? .discover)
        let memberSet = Set(members)
        // The members' own findings come from the linter, once.
        let diagnostics = (run.diagnostics + portfolios.flatMap { $0.diagnostics.filter { !memberSet.contains($0.location.file) } })
            .sortedByLocation()
        var texts = run.sources
        for portfolio in portfolios { texts.merge(portfolio.sources) { first, _ in first } }
        let rendered = output.renderer(texts: texts).render(diagnostics, as: output.format)
        if output.format == .text {
            Terminal.standardError.write(rendered)
            var summary = Self.summary(diagnostics, files: files.count)
            if run.files.contains(where: { $0.checked.strategy.map { !$0.valuationTimeIsAsOf } ?? false }) {
                summary += " (durations counted from \(now), \(ValuationClock.source), where market.as_of is absent)"
            }
            Terminal.standardError.write(summary + "\n")
        } else {
            Terminal.standardOutput.write(rendered)
        }
        if run.isIOFailure || portfolios.contains(where: \.loaded.isIOFailure) { throw ExitCode(74) }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }

    static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let counts = Severity.allCases.reversed().map { severity in
            count(diagnostics.filter { $0.severity == severity }.count, severity.rawValue)
        }
        let problems = diagnostics.isEmpty ? "no problems" : counts.joined(separator: ", ")
        return "\(count(files, "file")) linted: \(problems)"
    }
}
