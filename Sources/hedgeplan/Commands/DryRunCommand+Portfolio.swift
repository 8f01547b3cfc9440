import ArgumentParser
import Feeds
import HedgeplanDiagnostics
import HedgeplanReports
import HedgeplanRuntime

extension DryRun {
    /// `dry-run PORTFOLIO.yaml`: the members on shared venues, one run over the feed.
    func dryRunPortfolio() throws {
        if reportFile != nil || journal.path != nil {
            throw ValidationError("--report and --journal apply to a plan or strategy; a portfolio prints its members and crowd figures")
        }
        let setup = try PortfolioInput.load(input, history: history, format: format)
        let spec: FeedSpec
        do { spec = try FeedSpec.parseSupported(feed) } catch { throw ValidationError("\(error)") }
        let source = try openFeed(spec)
        var run = PortfolioRun(setup: setup)
        run.options = RunOptions(rebasesAbsoluteStrikes: rebase)
        run.order = order == .shuffle ? .shuffle(seed: seed) : .fixed
        let result: PortfolioResult
        do { result = try Self.run(&run, source) } catch { throw CommandFailure.feed(feed, error, notes: source.notes) }
        let report = PortfolioReport(result)
        Terminal.standardOutput.write(format == .json ? report.json() : TerminalEscaping.escapedKeepingLines(report.text()))
    }

    static func run<S: TickSource>(_ run: inout PortfolioRun, _ source: S) throws -> PortfolioResult {
        var feed = source
        return try run.run(&feed)
    }
}
