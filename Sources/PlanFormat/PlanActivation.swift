/// The record `hedgeplan activate` writes into the plan it activates: which governance
/// log entry made this plan the one allowed to run, under which proposal, approved by whom
/// and when. `dry-run --policy` checks it against the log; a plan compiled but never
/// activated has none.
public struct PlanActivation: Codable, Equatable, Sendable {
    /// The policy's `governance:` name.
    public var governance: String
    /// The log entry's sequence number (1 for the first activation).
    public var sequence: Int
    /// SHA-256 (hex) of the proposal's canonical bytes, approvals left out.
    public var proposalSha256: String
    /// SHA-256 (hex) of the plan's canonical bytes without this record.
    public var planSha256: String
    /// `steward` or `full`.
    public var changeClass: String
    /// Who approved, and when (ISO 8601 UTC).
    public var approvals: [ActivationApproval]
    /// When the plan was activated, ISO 8601 UTC and milliseconds since the Unix epoch.
    public var activatedAt: String
    public var activatedAtMs: Int64

    public init(governance: String, sequence: Int, proposalSha256: String, planSha256: String, changeClass: String,
                approvals: [ActivationApproval], activatedAt: String, activatedAtMs: Int64) {
        self.governance = governance
        self.sequence = sequence
        self.proposalSha256 = proposalSha256
        self.planSha256 = planSha256
        self.changeClass = changeClass
        self.approvals = approvals
        self.activatedAt = activatedAt
        self.activatedAtMs = activatedAtMs
    }
}

/// One approval counted for an activation.
public struct ActivationApproval: Codable, Equatable, Sendable {
    public var signer: String
    public var signedAt: String
    public init(signer: String, signedAt: String) {
        self.signer = signer
        self.signedAt = signedAt
    }
}
