import ArgumentParser
import Foundation
import HedgeplanChecker
import HedgeplanDiagnostics
import HedgeplanIR
import HedgeplanReports

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Summarise a strategy: legs, premium, max profit and loss, breakevens, greeks, scenarios.",
        discussion: """
            Strategies whose legs expire together are analysed exactly: the payoff at expiry is \
            piecewise linear in spot, so max profit, max loss, breakevens and unboundedness come \
            from the kinks at the strikes, not from a grid. Calendars and liquidity positions are \
            valued at the first expiry with the market model over a stated spot range, and the \
            output says so. Money is in the QUOTE currency; greeks are at inception: delta in \
            BASE, gamma per 1 QUOTE of spot, vega per volatility point, theta per day.

            Examples:
              hedgeplan analyze strategies/eth-iron-condor-perp-hedged.yaml
              hedgeplan analyze strategy.yaml --format json | jq .max_loss
              hedgeplan analyze strategies/eth-iron-condor-perp-hedged.yaml --plot payoff.svg
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "A strategy file (YAML).")
    var file: String

    @Option(help: "Output format: text or json (to standard output).")
    var format: Format = .text

    @Option(help: ArgumentHelp("Also write the payoff at expiry and today's model value against spot as an SVG file.",
                               valueName: "FILE.svg"))
    var plot: String?

    func run() throws {
        try DiagnosticOutputOptions(format: format == .json ? .json : .text).reportingFailures(analyze)
    }

    private func analyze() throws {
        // Checked before any work: a plot that cannot be written is refused up front.
        let plotFile = try plot.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the plot") }
        let checked = Checker.validate(path: file, now: try ValuationClock.now())
        if !checked.diagnostics.isEmpty {
            // A failure honours --format json; warnings beside a report stay on standard error.
            let failed = checked.analysis == nil
            DiagnosticOutputOptions(format: failed && format == .json ? .json : .text).emit(checked.diagnostics, sources: [checked.loaded])
        }
        if checked.loaded.isIOFailure { throw ExitCode(74) }
        guard let analysis = checked.analysis else { throw ExitCode(1) }
        let report = AnalysisReport(analysis)
        // Names from the strategy are escaped in text: they must not drive the terminal.
        Terminal.standardOutput.write(format == .json ? report.json() : TerminalEscaping.escapedKeepingLines(report.text()))
        try plotFile?.write(PayoffPlot(analysis).render())
        if checked.hasErrors { throw ExitCode(1) }
    }
}
