import ArgumentParser
import Feeds
import HedgeplanDiagnostics
import HedgeplanReports
import HedgeplanRuntime

extension DryRun {
    /// `dry-run PORTFOLIO.yaml`: the members on shared venues, one run over the feed.
    func dryRunPortfolio() throws {
        if journal.path != nil {
            throw ValidationError("--journal applies to a plan or strategy; a portfolio run is not journaled")
        }
        // Checked before any work: a report that cannot be written is refused up front.
        let destination = try reportFile.map { try OutputFile(checking: $0, purpose: "the report") }
        let setup = try PortfolioInput.load(input, history: history, format: format)
        let spec: FeedSpec
        do { spec = try FeedSpec.parseSupported(feed) } catch { throw ValidationError("\(error)") }
        let source = Self.readingAhead(try openFeed(spec), spec)
        var run = PortfolioRun(setup: setup)
        run.options = RunOptions(rebasesAbsoluteStrikes: rebase)
        run.order = order == .shuffle ? .shuffle(seed: seed) : .fixed
        let result: PortfolioResult
        do { result = try Self.run(&run, source) } catch { throw CommandFailure.feed(feed, error, notes: source.notes) }
        let report = PortfolioReport(result)
        Terminal.standardOutput.write(format == .json ? report.json() : TerminalEscaping.escapedKeepingLines(report.text()))
        try destination?.write(PortfolioReportHTML(result).render())
    }

    static func run<S: TickSource>(_ run: inout PortfolioRun, _ source: S) throws -> PortfolioResult {
        var feed = source
        return try run.run(&feed)
    }
}
