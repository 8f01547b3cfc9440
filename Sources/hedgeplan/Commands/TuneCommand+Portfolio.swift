import ArgumentParser
import Foundation
import HedgeplanCompiler
import HedgeplanDiagnostics
import HedgeplanSimulation
import PlanFormat

extension Tune {
    /// `tune PORTFOLIO.yaml [--member NAME]`: the candidates given to every copy of one member
    /// line, the rest of the crowd unchanged, on the same paths as `stress PORTFOLIO.yaml`;
    /// figures per copy of that line.
    func tunePortfolio() throws {
        if simulation.shards != nil {
            throw ValidationError("--shards applies to a plan or strategy; a portfolio is tuned whole")
        }
        let outputs = try checkedOutputs()
        let compiled = try PortfolioInput.loadCompiled(input, history: history, format: format)
        let setup = compiled.setup!
        let index = try tunedMember(of: setup)
        let base = setup.members[index].plan
        // The member's strategy: the file the portfolio names, or the one its plan was compiled from.
        let strategyPath: String
        switch compiled.loaded.portfolio!.members[index].source.value {
        case .strategy: strategyPath = compiled.loaded.portfolio!.members[index].resolvedPath(portfolioPath: input)
        case .plan: strategyPath = base.source.path
        }
        guard let text = try? String(contentsOfFile: strategyPath, encoding: .utf8) else {
            throw CommandFailure.io(strategyPath, "cannot read member `\(setup.members[index].name)`'s strategy (tune writes each candidate into it)")
        }
        // The portfolio's paths, as `stress PORTFOLIO` draws them (from its first member's market).
        let settings = try simulation.settings(plan: setup.members[0].plan, paths: paths)
        let objective = try TuneObjective(parsing: objective)
        let candidates = try candidatePlans(
            for: base, strategyText: text, strategyPath: strategyPath, stepMs: settings.stepMs, history: try history.map(PriceHistoryLoader.load))
        let runner = PortfolioTuneRunner(setup: setup, member: index, settings: settings, candidates: candidates)
        let outcomes: [[PortfolioPathOutcome]]
        do {
            outcomes = try PathProgress.showing(total: paths * candidates.count) { progress in
                try runner.outcomes(threads: simulation.threadCount, progress: progress)
            }
        } catch {
            throw CommandFailure.input(.stress, input, "cannot run the portfolio on the simulated paths: \(error)")
        }
        let result = runner.result(objective: objective, outcomes: outcomes)
        try emit(result, strategyText: text, strategyPath: strategyPath, to: outputs)
    }

    /// The member line `--member` names (its path as the portfolio writes it, or its file
    /// name), else the only line that hedges delta.
    func tunedMember(of setup: PortfolioSetup) throws -> Int {
        let names = setup.members.map(\.name)
        let listed = names.map { "`\($0)`" }.joined(separator: ", ")
        guard let member else {
            let hedging = setup.members.indices.filter { setup.members[$0].plan.hedge?.delta != nil }
            guard hedging.count == 1 else {
                throw ValidationError(hedging.isEmpty
                    ? "no member of \(input) hedges delta: there is no policy to tune"
                    : "\(hedging.count) members of \(input) hedge delta: say which one to tune with --member (one of \(hedging.map { "`\(names[$0])`" }.joined(separator: ", ")))")
            }
            return hedging[0]
        }
        let matches = names.indices.filter { names[$0] == member || PathText.name(of: names[$0]) == member }
        guard matches.count == 1 else {
            throw ValidationError(matches.isEmpty
                ? "--member \(member): no member of \(input) is called that; its members are \(listed)"
                : "--member \(member): \(matches.count) members have that file name; give the path as the portfolio writes it (\(listed))")
        }
        guard setup.members[matches[0]].plan.hedge?.delta != nil else {
            throw ValidationError("--member \(member): this member does not hedge delta, so there is no policy to tune")
        }
        return matches[0]
    }
}
