import ArgumentParser
import Foundation
import HedgeplanDiagnostics
import HedgeplanGovernance

struct Activate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activate",
        abstract: "Make an approved proposal's plan the running plan: check every rule, append to the log, write the plan.",
        discussion: """
            Refuses (exit 1, each refusal naming its rule in brackets) a proposal with too few \
            valid approvals for its class [approvals], an approval that does not verify \
            [signature], before the timelock (or the steward's delay) has passed since the last \
            needed approval [timelock], after the grace period from that approval [grace], a \
            steward change sooner than `every` after the previous one [steward-rate-limit], a \
            current plan that is no longer the log's head [head], or a risk figure that does not \
            recompute [risk-figure]. Otherwise writes the plan with its `activation` record to -o \
            and appends an entry to the policy's log (hash-chained to the one before); \
            `hedgeplan dry-run PLAN --policy POLICY` runs only that plan, byte for byte.

            Example:
              hedgeplan activate proposal.json --policy Examples/governance/policy.yaml -o active.json
            """
    )

    @Argument(help: "The approved proposal (JSON).")
    var proposal: String

    @Option(help: "The governance policy (YAML).")
    var policy: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the activated plan here.", valueName: "ACTIVE_PLAN.json"))
    var output: String

    @Option(help: ArgumentHelp("The activation time, ISO 8601 (default: HEDGEPLAN_NOW, else the clock).", valueName: "T"))
    var now: String?

    func run() throws {
        try DiagnosticOutputOptions(format: .text).reportingFailures {
            let planOutput = try OutputFile(checking: output, purpose: "the activated plan")
            let time = try GovernanceInput.now(now)
            let policy = try GovernanceInput.policy(self.policy)
            let logOutput = try OutputFile(checking: policy.logPath, purpose: "the activation log")
            let log = try GovernanceInput.log(policy)
            let document = try GovernanceInput.proposal(proposal)
            let risk = try GovernanceInput.recomputedRisk(document, policy: policy, path: proposal)
            let outcome: Activation.Outcome
            do {
                outcome = try Activation.activate(document, policy: policy, log: log, now: time, recomputedRisk: risk)
            } catch let error as ActivationFailure {
                throw CommandFailure(
                    diagnostics: error.refusals.map { .error($0.rule, "cannot activate: \($0.description)", at: .wholeFile(proposal)) },
                    exitCode: 1)
            }
            // The plan first: a log entry must never name a file that was not written.
            try planOutput.write([UInt8](outcome.planBytes))
            try logOutput.write([UInt8](outcome.log.encoded()))
            let head = outcome.log.head!
            Terminal.standardError.write(TerminalEscaping.escapedKeepingLines(
                "activated sequence \(head.sequence) (\(head.changeClass.rawValue) change) at \(time): \(planOutput.path) is the running plan (sha256 \(head.planSha256.prefix(12))…); log \(logOutput.path)\n"))
        }
    }
}
