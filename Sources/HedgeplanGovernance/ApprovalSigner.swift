import Crypto
import Foundation
import HedgeplanDiagnostics
import HedgeplanIR

/// `approve`: one more signature on a proposal. The proposal carries its signers' public
/// keys (from the policy at proposal time), so a key that is not the named signer's is
/// refused here, before anyone counts on the approval; `verify` and `activate` check every
/// signature again against the policy itself.
public enum ApprovalSigner {
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownSigner(String, known: [String])
        case wrongKey(String)
        case alreadyApproved(String)
        case beforeProposal(now: String, proposedAt: String)
        case badApproval(signer: String)
        /// The key file holds no Ed25519 private key.
        case badKey(String)

        public var rule: RuleID {
            switch self {
            case .unknownSigner, .wrongKey, .badKey: .signer
            case .alreadyApproved: .approvals
            case .beforeProposal: .approvalTime
            case .badApproval: .signature
            }
        }

        public var description: String {
            switch self {
            case .unknownSigner(let name, let known):
                "`\(name)` is not a signer of this proposal (signers: \(known.joined(separator: ", ")))"
            case .wrongKey(let name):
                "this private key is not \(name)'s: its public key is not the one the policy lists for \(name)"
            case .alreadyApproved(let name):
                "\(name) has already approved this proposal"
            case .beforeProposal(let now, let proposedAt):
                "the time \(now) is before the proposal was made (\(proposedAt))"
            case .badKey(let why):
                why
            case .badApproval(let signer):
                "the proposal holds an approval by \(signer) whose signature is not over this proposal: it was edited or copied from another one; start again from the proposal `propose` wrote"
            }
        }
    }

    /// `approve` with the private key as PEM text (`openssl genpkey -algorithm ed25519`).
    public static func approve(_ proposal: Proposal, signer: String, keyPEM: String, now: Instant) throws(Refusal) -> Proposal {
        let key: Curve25519.Signing.PrivateKey
        do {
            key = try SignerKey.privateKey(pem: keyPEM)
        } catch {
            throw .badKey(error.description)
        }
        return try approve(proposal, signer: signer, key: key, now: now)
    }

    public static func approve(_ proposal: Proposal, signer: String, key: Curve25519.Signing.PrivateKey, now: Instant) throws(Refusal) -> Proposal {
        guard let entry = proposal.signers.first(where: { $0.name == signer }) else {
            throw .unknownSigner(signer, known: proposal.signers.map(\.name))
        }
        guard key.publicKey.rawRepresentation.base64EncodedString() == entry.publicKey else { throw .wrongKey(signer) }
        if proposal.approvals.contains(where: { $0.signer == signer }) { throw .alreadyApproved(signer) }
        if let proposedAt = Instant(iso8601: proposal.proposedAt), now < proposedAt {
            throw .beforeProposal(now: now.description, proposedAt: proposal.proposedAt)
        }
        let hash = proposal.canonicalHash
        for approval in proposal.approvals {
            let known = proposal.signers.first { $0.name == approval.signer }
            let publicKey = known.flatMap { try? Curve25519.Signing.PublicKey(rawRepresentation: Data(base64Encoded: $0.publicKey) ?? Data()) }
            guard let publicKey, approval.isValid(for: hash, key: SignerKey.Public(publicKey)) else { throw .badApproval(signer: approval.signer) }
        }
        var signed = proposal
        // Signing with a valid Curve25519 key does not fail.
        signed.approvals.append(try! Approval.sign(proposalHash: hash, signer: signer, at: now, key: key))
        return signed
    }
}
