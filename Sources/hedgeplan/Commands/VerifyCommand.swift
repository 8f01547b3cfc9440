import ArgumentParser
import Foundation
import HedgeplanDiagnostics
import HedgeplanGovernance

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute a proposal's diff, classes and risk figure, check every signature, and say what holds.",
        discussion: """
            Prints one line per check: `ok`, `FAIL`, or `wait` (approvals still to come, a \
            timelock still running). Exit status 0 when nothing fails, 1 otherwise.

            Example:
              hedgeplan verify proposal.json --policy Examples/governance/policy.yaml
            """
    )

    @Argument(help: "The proposal (JSON).")
    var proposal: String

    @Option(help: "The governance policy (YAML).")
    var policy: String

    @Option(help: ArgumentHelp("Judge the approvals and the timelock at this time, ISO 8601 (default: HEDGEPLAN_NOW, else the clock).", valueName: "T"))
    var now: String?

    func run() throws {
        try DiagnosticOutputOptions(format: .text).reportingFailures {
            let time = try GovernanceInput.now(now)
            let policy = try GovernanceInput.policy(self.policy)
            let log = try GovernanceInput.log(policy)
            let document = try GovernanceInput.proposal(proposal)
            let risk = try GovernanceInput.recomputedRisk(document, policy: policy, path: proposal)
            let report = Verification.verify(document, policy: policy, log: log, now: time, recomputedRisk: risk)
            Terminal.standardOutput.write(TerminalEscaping.escapedKeepingLines(GovernanceText.report(report, proposal: document)))
            if !report.isSound { throw ExitCode(1) }
        }
    }
}
