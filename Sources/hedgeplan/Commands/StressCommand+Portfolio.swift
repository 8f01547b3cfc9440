import ArgumentParser
import HedgeplanDiagnostics
import HedgeplanReports
import HedgeplanRuntime
import HedgeplanSimulation

extension Stress {
    /// `stress PORTFOLIO.yaml`: the portfolio on every simulated path, summarised.
    func stressPortfolio() throws {
        if reportFile != nil {
            throw ValidationError("--report applies to a plan or strategy; a portfolio's stress prints its summary (its dry run has the report)")
        }
        let outputFile = try output.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the result") }
        let shard = try simulation.shard()
        let setup = try PortfolioInput.load(input, history: history, format: format)
        var settings = try simulation.settings(plan: setup.members[0].plan, paths: paths)
        settings.runOptions = RunOptions(rebasesAbsoluteStrikes: rebase)
        let indices = shard.map { StressShard.paths(total: paths, shards: $0.count, index: $0.index) } ?? Array(0..<paths)
        let outcomes: [PortfolioPathOutcome]
        do {
            let runner = PortfolioStressRunner(setup: setup, settings: settings)
            outcomes = try PathProgress.showing(total: indices.count) { progress in
                try runner.run(paths: indices, threads: simulation.threadCount, progress: progress)
            }
        } catch {
            throw CommandFailure.input(.stress, input, "cannot run the portfolio on the simulated paths: \(error)")
        }
        let header = PortfolioStressHeader(setup: setup, settings: settings)
        if let shard {
            try StressOutput.emitPartial(
                PortfolioStressShard(header: header, shards: shard.count, shardIndex: shard.index, outcomes: outcomes).encoded(),
                to: outputFile, written: "portfolio shard \(shard.index) of \(shard.count): \(outcomes.count) paths")
            return
        }
        try StressOutput.emit(PortfolioStressReport(PortfolioStressSummary(header: header, outcomes: outcomes)), format: format, output: outputFile)
    }
}
