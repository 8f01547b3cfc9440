import ArgumentParser
import Foundation
import HedgeplanDiagnostics
import HedgeplanGovernance

struct Propose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract: "Propose a new plan under a governance policy: the classified diff and the risk figure approvers sign.",
        discussion: """
            Writes a proposal (JSON): both plans and their SHA-256, every changed parameter classed \
            `steward` (inside its bound in the policy) or `full` (anything else, including a \
            parameter with no bound), the sequence it takes in the activation log, the time, the \
            signers' public keys, and `risk`: stress of both plans on the policy's paths (hedged \
            ES99 in QUOTE, current, proposed and the change), which `verify` and `activate` recompute.

            --current must be the running plan, the head of the policy's activation log (any plan \
            while the log is empty); proposing against an older plan is refused.

            Example:
              hedgeplan propose Examples/governance/proposed.yaml --current Examples/governance/current.yaml \\
                --policy Examples/governance/policy.yaml -o proposal.json
            """
    )

    @Argument(help: "The proposed plan (.json) or strategy (.yaml).")
    var proposed: String

    @Option(help: "The running plan (the log's head), .json or .yaml.")
    var current: String

    @Option(help: "The governance policy (YAML).")
    var policy: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the proposal here (default, or -: standard output).", valueName: "PROPOSAL.json"))
    var output: String?

    @Option(help: ArgumentHelp("The proposal's time, ISO 8601 (default: HEDGEPLAN_NOW, else the clock).", valueName: "T"))
    var now: String?

    func run() throws {
        try DiagnosticOutputOptions(format: .text).reportingFailures {
            let output = try OutputFile.replacingStandardOutput(output, purpose: "the proposal")
            let time = try GovernanceInput.now(now)
            let policy = try GovernanceInput.policy(self.policy)
            let log = try GovernanceInput.log(policy)
            let currentPlan = try PlanInput.load(current, history: nil, format: .text)
            let proposedPlan = try PlanInput.load(proposed, history: nil, format: .text)
            let proposal: Proposal
            do {
                proposal = try ProposalBuilder.propose(current: currentPlan, proposed: proposedPlan, policy: policy, log: log, now: time)
            } catch let error as ProposalBuilder.Refusal {
                throw CommandFailure.input(error.rule, error.rule == .head ? current : proposed, error.description)
            }
            let bytes = proposal.encoded()
            if let output {
                try output.write([UInt8](bytes))
            } else {
                Terminal.standardOutput.write(String(decoding: bytes, as: UTF8.self))
            }
            Terminal.standardError.write(TerminalEscaping.escapedKeepingLines(GovernanceText.summary(proposal, policy: policy, written: output?.path)))
        }
    }
}
