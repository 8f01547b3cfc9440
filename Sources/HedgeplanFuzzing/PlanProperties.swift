import Foundation
import PlanFormat

/// The properties every plan file must have (`FuzzPlan`): bytes that are not a valid plan
/// are refused with problems that each name a JSON path (`$...`) and say what is wrong;
/// a plan that is accepted round-trips through its canonical bytes and runs cleanly or is
/// refused by the interpreter (`StrategyProperties.dryRunProblems`).
public enum PlanProperties {
    public static func problems(bytes: Data, dryRunSeed: Int = 1) -> [String] {
        let plan: HedgingPlan
        do {
            plan = try PlanCoding.decode(bytes)
        } catch {
            if error.problems.isEmpty { return ["a refused plan with no problem listed"] }
            return error.problems.compactMap { problem in
                if !problem.path.hasPrefix("$") { return "a problem not located at a JSON path: \(problem)" }
                if problem.message.isEmpty { return "a problem with no message at \(problem.path)" }
                return nil
            }
        }
        return roundTripProblems(plan) + StrategyProperties.dryRunProblems(plan, seed: dryRunSeed).problems
    }

    /// Whether the bytes decode to a plan (mutation tests count how many do).
    public static func isAccepted(_ bytes: Data) -> Bool {
        (try? PlanCoding.decode(bytes)) != nil
    }

    /// An accepted plan's canonical bytes decode to the same plan, byte for byte.
    static func roundTripProblems(_ plan: HedgingPlan) -> [String] {
        let bytes = PlanCoding.encode(plan)
        do {
            let decoded = try PlanCoding.decode(bytes)
            return PlanCoding.encode(decoded) == bytes ? [] : ["the plan does not round-trip byte for byte"]
        } catch {
            return ["the plan's own canonical bytes do not decode: \(error)"]
        }
    }
}
