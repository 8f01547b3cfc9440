import Foundation
import PlanFormat

/// Reads a compiled plan for a command that runs it: decodes it strictly (`PlanCoding`), and
/// checks that the strategy it came from, when that file is still where it was compiled
/// from, has not changed since (its SHA-256 is in the plan). A stale plan is refused: it
/// would run a strategy other than the one its author now reads.
public enum PlanLoader {
    public enum Failure: Error, Sendable {
        /// The file cannot be read (exit 74).
        case unreadable(path: String, reason: String)
        /// The plan is refused, one problem per line (exit 1).
        case rejected(path: String, problems: [PlanProblem])
    }

    public static func load(path: String) throws(Failure) -> HedgingPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot read the plan")
        }
        let plan: HedgingPlan
        do {
            plan = try PlanCoding.decode(data)
        } catch {
            throw .rejected(path: path, problems: error.problems)
        }
        if let problem = staleSource(plan, planPath: path) { throw .rejected(path: path, problems: [problem]) }
        return plan
    }

    /// The source strategy is looked for as recorded (relative to the working directory, as
    /// `compile` was given it) and beside the plan; a missing source is not an error (plans
    /// travel without their strategies).
    static func staleSource(_ plan: HedgingPlan, planPath: String) -> PlanProblem? {
        let recorded = plan.source.path
        let besidePlan = URL(fileURLWithPath: planPath).deletingLastPathComponent().appendingPathComponent(recorded).path
        for candidate in [recorded, besidePlan] {
            guard let bytes = FileManager.default.contents(atPath: candidate) else { continue }
            let now = EmitPass.sha256(bytes)
            guard now != plan.source.sha256 else { return nil }
            return PlanProblem(
                "$.source.sha256",
                "the strategy \(candidate) changed since this plan was compiled (sha256 \(plan.source.sha256.prefix(12))…, now \(now.prefix(12))…); recompile it with `hedgeplan compile \(candidate)`")
        }
        return nil
    }
}
