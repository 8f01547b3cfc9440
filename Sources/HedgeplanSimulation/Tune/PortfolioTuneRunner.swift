import Crypto
import Foundation
import PlanFormat

/// `tune PORTFOLIO --member NAME`: each candidate policy given to every copy of one member
/// line while the rest of the crowd keeps its own, run on the same paths as
/// `stress PORTFOLIO` (common random numbers: path k draws from (seed, k) alone). The
/// figures are that line's, per copy: what one of the crowd should hedge with, given the
/// others and the pool they all trade through.
public struct PortfolioTuneRunner: Sendable {
    public let setup: PortfolioSetup
    /// Index of the tuned member line.
    public let member: Int
    public let settings: StressSettings
    /// Each candidate with the member's plan compiled from its strategy carrying it.
    public let candidates: [(policy: HedgePolicy, plan: HedgingPlan)]

    public init(setup: PortfolioSetup, member: Int, settings: StressSettings, candidates: [(policy: HedgePolicy, plan: HedgingPlan)]) {
        self.setup = setup
        self.member = member
        self.settings = settings
        self.candidates = candidates
    }

    /// Each candidate's portfolio outcomes on paths 0..<settings.paths. `progress` gets the
    /// paths done over all candidates.
    public func outcomes(threads: Int, progress: (@Sendable (Int) -> Void)? = nil) throws -> [[PortfolioPathOutcome]] {
        let paths = Array(0..<settings.paths)
        var all: [[PortfolioPathOutcome]] = []
        for (i, candidate) in candidates.enumerated() {
            let done = i * paths.count
            var offset: (@Sendable (Int) -> Void)?
            if let progress { offset = { progress(done + $0) } }
            let runner = PortfolioStressRunner(setup: setup.replacingPlan(ofMember: member, with: candidate.plan), settings: settings)
            all.append(try runner.run(paths: paths, threads: threads, progress: offset))
        }
        return all
    }

    /// The candidates' figures, per copy of the member line.
    public func result(objective: TuneObjective, outcomes: [[PortfolioPathOutcome]]) -> TuneResult {
        let copies = Double(setup.members[member].copies)
        let evaluated = zip(candidates, outcomes).map { candidate, outcomes in
            var figures = TuneFigures(
                totals: outcomes.map { $0.memberTotals[member] / copies },
                costs: outcomes.map { -$0.memberCosts[member] / copies },
                rebalances: outcomes.map { Double($0.memberHedges[member]) / copies })
            figures.liquidatedShare = Distribution(outcomes.map { Double($0.memberLiquidations[member]) / copies }).mean
            return (candidate.policy, figures)
        }
        let header = header()
        var result = TuneResult(
            header: header, objective: objective, evaluated: evaluated,
            specSHA256: TuneRunner.specSHA256(header: header, policies: candidates.map(\.policy), objective: objective))
        result.member = TuneResult.MemberScope(
            portfolio: setup.name, member: setup.members[member].name, copies: setup.members[member].copies,
            crowd: setup.members.indices.filter { $0 != member }.map { "\(setup.members[$0].name) × \(setup.members[$0].copies)" })
        return result
    }

    /// The tuned member's run header, named `portfolio: member`, its hash covering the whole
    /// portfolio: every member's plan, copies and collateral, the shared venues with their
    /// margin and mark, and the arbitrage share.
    func header() -> StressHeader {
        var header = StressHeader(plan: setup.members[member].plan, settings: settings)
        header.strategy = "\(setup.name): \(setup.members[member].name)"
        var hasher = SHA256()
        hasher.update(data: Data("member \(member)\n".utf8))
        hasher.update(data: Data(PortfolioStressHeader.sha256(setup: setup, paths: header).utf8))
        header.specSHA256 = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return header
    }
}
