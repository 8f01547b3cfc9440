import ArgumentParser
import Foundation
import HedgeplanDiagnostics
import HedgeplanGovernance

struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Sign a proposal with a signer's Ed25519 key.",
        discussion: """
            Adds an approval: the signer's name, the time, and an Ed25519 signature over the \
            statement "hedgeplan approval v1 / proposal: SHA256 / signer: NAME / signed_at: T" \
            (one line each), where SHA256 is the hash of the proposal's canonical bytes without \
            approvals. The key is a PEM private key as `openssl genpkey -algorithm ed25519` \
            writes it; it must be the key the policy lists for --signer.

            Without -o the proposal file is replaced (atomically).

            Example:
              hedgeplan approve proposal.json --key Examples/governance/keys/alice.pem --signer alice
            """
    )

    @Argument(help: "The proposal (JSON) that `hedgeplan propose` wrote.")
    var proposal: String

    @Option(help: ArgumentHelp("The signer's Ed25519 private key (PEM).", valueName: "PRIVATE.pem"))
    var key: String

    @Option(help: "The signer's name in the policy.")
    var signer: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the approved proposal here (default: replace PROPOSAL.json).", valueName: "PROPOSAL.json"))
    var output: String?

    @Option(help: ArgumentHelp("The signing time, ISO 8601 (default: HEDGEPLAN_NOW, else the clock).", valueName: "T"))
    var now: String?

    func run() throws {
        try DiagnosticOutputOptions(format: .text).reportingFailures {
            let output = try OutputFile(checking: self.output ?? proposal, purpose: "the proposal")
            let time = try GovernanceInput.now(now)
            let document = try GovernanceInput.proposal(proposal)
            let keyText = String(decoding: try InputFile.bytes(key, what: "the key"), as: UTF8.self)
            let signed: Proposal
            do {
                signed = try ApprovalSigner.approve(document, signer: signer, keyPEM: keyText, now: time)
            } catch let error as ApprovalSigner.Refusal {
                throw CommandFailure.input(error.rule, error.rule == .signer ? key : proposal, error.description)
            }
            try output.write([UInt8](signed.encoded()))
            Terminal.standardError.write(TerminalEscaping.escapedKeepingLines(
                "\(signer) approved proposal \(signed.canonicalHash.prefix(12))… at \(time) (\(signed.approvals.count) approval\(signed.approvals.count == 1 ? "" : "s")); written to \(output.path)\n"))
        }
    }
}
