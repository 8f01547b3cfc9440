import ArgumentParser
import HedgeplanDiagnostics
import HedgeplanReports
import HedgeplanRuntime
import HedgeplanSimulation

extension Stress {
    /// `stress PORTFOLIO.yaml`: the portfolio on every simulated path, summarised.
    func stressPortfolio() throws {
        if simulation.shards != nil || reportFile != nil {
            throw ValidationError("--shards and --report apply to a plan or strategy; a portfolio runs whole and prints its summary")
        }
        let outputFile = try output.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the result") }
        let setup = try PortfolioInput.load(input, history: history, format: format)
        var settings = try simulation.settings(plan: setup.members[0].plan, paths: paths)
        settings.runOptions = RunOptions(rebasesAbsoluteStrikes: rebase)
        let outcomes: [PortfolioPathOutcome]
        do {
            let runner = PortfolioStressRunner(setup: setup, settings: settings)
            outcomes = try PathProgress.showing(total: paths) { progress in
                try runner.run(paths: Array(0..<paths), threads: simulation.threadCount, progress: progress)
            }
        } catch {
            throw CommandFailure.input(.stress, input, "cannot run the portfolio on the simulated paths: \(error)")
        }
        let report = PortfolioStressReport(PortfolioStressSummary(setup: setup, outcomes: outcomes))
        let json = report.json()
        try outputFile?.write(json)
        Terminal.standardOutput.write(format == .json ? json : TerminalEscaping.escapedKeepingLines(report.text()))
    }
}
