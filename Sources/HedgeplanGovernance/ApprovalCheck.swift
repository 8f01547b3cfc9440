import HedgeplanIR

/// What holds of one approval in a proposal, against the policy's signers.
public struct ApprovalCheck: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case valid
        /// The name is not one of the policy's signers.
        case unknownSigner
        /// The signature is not the named signer's over this proposal (another key, another
        /// proposal, or an edited time).
        case badSignature
        /// The signing time is not an instant, or is before the proposal or after `now`.
        case badTime(String)
        /// The same signer approved before: only the first counts.
        case duplicate
    }

    public var approval: Approval
    public var status: Status

    public var isValid: Bool { status == .valid }

    public var explanation: String {
        switch status {
        case .valid: "valid"
        case .unknownSigner: "\(approval.signer) is not a signer of this policy"
        case .badSignature: "the signature is not \(approval.signer)'s over this proposal (another key, another proposal, or an edited time)"
        case .badTime(let why): why
        case .duplicate: "\(approval.signer) already approved; only the first approval counts"
        }
    }

    /// Checks every approval of `proposal` (at `now`, when given: later times do not count).
    public static func checkAll(_ proposal: Proposal, policy: GovernancePolicy, now: Instant?) -> [ApprovalCheck] {
        let hash = proposal.canonicalHash
        let proposedAt = Instant(iso8601: proposal.proposedAt)
        var seen = Set<String>()
        return proposal.approvals.map { approval in
            guard let signer = policy.signer(named: approval.signer) else { return ApprovalCheck(approval: approval, status: .unknownSigner) }
            guard approval.isValid(for: hash, key: signer.key) else { return ApprovalCheck(approval: approval, status: .badSignature) }
            guard let time = approval.time else {
                return ApprovalCheck(approval: approval, status: .badTime("the signing time \(approval.signedAt) is not an ISO 8601 instant"))
            }
            if let proposedAt, time < proposedAt {
                return ApprovalCheck(approval: approval, status: .badTime("signed at \(approval.signedAt), before the proposal (\(proposal.proposedAt))"))
            }
            if let now, now < time {
                return ApprovalCheck(approval: approval, status: .badTime("signed at \(approval.signedAt), after now (\(now))"))
            }
            guard seen.insert(approval.signer).inserted else { return ApprovalCheck(approval: approval, status: .duplicate) }
            return ApprovalCheck(approval: approval, status: .valid)
        }
    }
}
