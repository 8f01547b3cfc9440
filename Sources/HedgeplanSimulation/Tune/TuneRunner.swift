import Crypto
import Foundation
import PlanFormat

/// Runs every candidate policy on the same paths (common random numbers: the same settings,
/// so path k is the same path for every candidate) through `StressRunner`, and reduces each
/// to its figures. A candidate's figures are exactly what `stress` prints for the strategy
/// with that policy, on the same paths and seed.
public struct TuneRunner: Sendable {
    public let settings: StressSettings
    /// Each candidate with the plan compiled from the strategy carrying it.
    public let candidates: [(policy: HedgePolicy, plan: HedgingPlan)]

    public init(settings: StressSettings, candidates: [(policy: HedgePolicy, plan: HedgingPlan)]) {
        self.settings = settings
        self.candidates = candidates
    }

    /// Each candidate's outcomes on `paths` (in order). `progress` gets the paths done over
    /// all candidates.
    public func outcomes(paths: [Int], threads: Int, progress: (@Sendable (Int) -> Void)? = nil) throws -> [[PathOutcome]] {
        var all: [[PathOutcome]] = []
        for (i, candidate) in candidates.enumerated() {
            let done = i * paths.count
            var offset: (@Sendable (Int) -> Void)?
            if let progress { offset = { progress(done + $0) } }
            all.append(try StressRunner(plan: candidate.plan, settings: settings).run(paths: paths, threads: threads, progress: offset))
        }
        return all
    }

    /// The tune's figures from each candidate's outcomes on every path (in index order).
    public static func result(header: StressHeader, objective: TuneObjective,
                              candidates: [(TuneShard.Candidate, [PathOutcome])]) -> TuneResult {
        let evaluated = candidates.map { candidate, outcomes in
            (candidate.policy, TuneFigures(StressSummary(header: candidate.header, outcomes: outcomes), outcomes: outcomes))
        }
        return TuneResult(header: header, objective: objective, evaluated: evaluated,
                          specSHA256: specSHA256(header: header, policies: candidates.map(\.0.policy), objective: objective))
    }

    /// SHA-256 of the base run's spec, the candidates' texts and the objective.
    public static func specSHA256(header: StressHeader, policies: [HedgePolicy], objective: TuneObjective) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(header.specSHA256.utf8))
        for p in policies { hasher.update(data: Data(("\n" + p.flowText).utf8)) }
        hasher.update(data: Data(("\n" + objective.text).utf8))
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
