import ArgumentParser
import Feeds
import Foundation
import HedgeplanDiagnostics
import HedgeplanReports
import Pricing

struct Regimes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regimes",
        abstract: "Fit volatility regimes (a Gaussian hidden Markov model) to a price history.",
        discussion: """
            Fits a 2- or 3-state Gaussian hidden Markov model to the feed's log returns by \
            Baum-Welch from 10 deterministic starts, and scores GARCH(1,1) and constant \
            volatility on the same returns with the same Gaussian density (lower BIC is \
            better). Volatilities and drifts are annualised (year = 365 days); the step is \
            the median spacing of the ticks. `current` is the filtered probability of each \
            state at the last return (forward filter only: causal).

            FEED is a CSV file in any layout `dry-run --feed` reads.

            Examples:
              hedgeplan regimes Examples/feeds/ethereum.csv
              hedgeplan regimes Examples/feeds/bitcoin.csv --states 3 --format json
              hedgeplan regimes Examples/feeds/ethereum.csv --plot regimes.svg
            """
    )

    @Argument(help: "A CSV price history.")
    var feed: String

    @Option(parsing: .unconditional, help: "Number of regimes: 2 or 3.")
    var states: Int = 2

    @Option(help: "Output format: text or json (to standard output).")
    var format: Analyze.Format = .text

    @Option(help: "Write an SVG of the price and the filtered regime probabilities to this file.")
    var plot: String?

    func validate() throws {
        guard (2...3).contains(states) else { throw ValidationError("--states must be 2 or 3, not \(states)") }
    }

    func run() throws {
        try DiagnosticOutputOptions(format: format == .json ? .json : .text).reportingFailures(regimes)
    }

    private func regimes() throws {
        // Checked before the fit, and written like every other output (never over a device).
        let plotOutput = try plot.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the plot") }
        let history = try Self.load(feed)
        let returns = RegimeAnalysis.logReturns(history.prices)
        let analysis: RegimeAnalysis
        do {
            analysis = try RegimeAnalysis(returns: returns, stepSeconds: history.stepSeconds, states: states)
        } catch {
            throw CommandFailure.input(.feed, feed, "\(error)")
        }
        var report = RegimeReport(analysis, source: feed)
        if format == .json {
            report.warnings = history.warnings.map { "\($0.location): \($0.message)" }
        } else {
            for warning in history.warnings {
                Terminal.standardError.write(TerminalEscaping.escaped("\(warning.location): warning: \(warning.message)") + "\n")
            }
        }
        try plotOutput?.write(report.svg(times: history.times, prices: history.prices))
        Terminal.standardOutput.write(format == .json ? report.json() : report.text())
    }

    /// The feed's ticks (times in milliseconds since the epoch for the plot) and its step:
    /// the median spacing of the ticks, as `compile --history` takes it.
    static func load(_ path: String) throws(CommandFailure) -> (
        times: [Double], prices: [Double], stepSeconds: Double, warnings: [(location: String, message: String)]
    ) {
        var warnings: [(location: String, message: String)] = []
        var times: [Double] = []
        var prices: [Double] = []
        var steps: [Int64] = []
        do {
            let source = try CSVFeed(path: path)
            var last: Int64?
            while let tick = try source.next() {
                times.append(Double(tick.timestamp))
                prices.append(tick.price)
                if let last { steps.append(tick.timestamp - last) }
                last = tick.timestamp
            }
            // Skipped rows and gaps change the returns the model sees: say so.
            let issues = source.issues
            if let (line, message) = issues.skippedRowsWarning { warnings.append(("\(path):\(line)", message)) }
            let gaps = issues.count(of: .gap)
            if gaps > 0, let first = issues.details.first(where: { $0.kind == .gap }) {
                let what = gaps == 1 ? "1 gap in the series" : "\(gaps) gaps in the series, the first"
                warnings.append(("\(path):\(first.line)", "\(what): \(first.message); a return across a gap spans more than one step"))
            }
        } catch {
            throw .feed(path, error)
        }
        steps.sort()
        let stepMilliseconds = steps.isEmpty ? 3_600_000 : max(1, steps[steps.count / 2])
        return (times, prices, Double(stepMilliseconds) / 1000, warnings)
    }
}
