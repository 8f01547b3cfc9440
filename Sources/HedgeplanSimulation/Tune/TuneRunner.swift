import Crypto
import Foundation
import HedgePlan

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

    /// `progress` gets the paths done over all candidates.
    public func run(base: HedgingPlan, objective: TuneObjective, threads: Int,
                    progress: (@Sendable (Int) -> Void)? = nil) throws -> TuneResult {
        var evaluated: [(HedgePolicy, TuneFigures)] = []
        let paths = Array(0..<settings.paths)
        for (i, candidate) in candidates.enumerated() {
            let done = i * settings.paths
            var offset: (@Sendable (Int) -> Void)?
            if let progress { offset = { progress(done + $0) } }
            let outcomes = try StressRunner(plan: candidate.plan, settings: settings).run(paths: paths, threads: threads, progress: offset)
            let summary = StressSummary(header: StressHeader(plan: candidate.plan, settings: settings), outcomes: outcomes)
            evaluated.append((candidate.policy, TuneFigures(summary)))
        }
        let header = StressHeader(plan: base, settings: settings)
        var hasher = SHA256()
        hasher.update(data: Data(header.specSHA256.utf8))
        for c in candidates { hasher.update(data: Data(("\n" + c.policy.flowText).utf8)) }
        hasher.update(data: Data(("\n" + objective.text).utf8))
        let hash = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return TuneResult(header: header, objective: objective, evaluated: evaluated, specSHA256: hash)
    }
}
