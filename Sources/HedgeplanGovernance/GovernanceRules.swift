import HedgeplanDiagnostics

/// The rule ids of governance refusals, printed as `[rule]` after each message, and their
/// one-line descriptions for SARIF's rules table.
extension RuleID {
    public static let governance: RuleID = "governance"
    public static let planHash: RuleID = "plan-hash"
    public static let diff: RuleID = "diff"
    public static let riskFigure: RuleID = "risk-figure"
    public static let signature: RuleID = "signature"
    public static let signer: RuleID = "signer"
    public static let approvals: RuleID = "approvals"
    public static let timelock: RuleID = "timelock"
    public static let grace: RuleID = "grace"
    public static let stewardRateLimit: RuleID = "steward-rate-limit"
    public static let head: RuleID = "head"
    public static let sequence: RuleID = "sequence"
    public static let noChange: RuleID = "no-change"
    public static let activation: RuleID = "activation"
    public static let approvalTime: RuleID = "approval-time"
    public static let proposal: RuleID = "proposal"
    public static let activationLog: RuleID = "activation-log"
}

public enum GovernanceRules {
    public static let descriptions: [RuleID: String] = [
        .governance: "A proposal or activated plan belongs to another governance policy.",
        .planHash: "A plan does not match the SHA-256 recorded for it (edited after it was proposed or activated).",
        .diff: "A proposal's recorded changes are not the diff of its two plans under the policy's bounds.",
        .riskFigure: "A proposal's risk figure (hedged ES99 from stress on the policy's paths) does not recompute.",
        .signature: "An approval does not verify: unknown signer, another key, another proposal, or an edited time.",
        .signer: "A key file or signer that cannot sign this proposal (not Ed25519, not the named signer's key).",
        .approvals: "Fewer valid approvals than the change's class needs, or a second approval by one signer.",
        .timelock: "Activation before the timelock (or the steward's delay) since the last needed approval.",
        .grace: "Activation after the grace period since the last needed approval.",
        .stewardRateLimit: "A steward change sooner than `every` after the previous steward change.",
        .head: "The proposal's current plan, or the plan to run, is not the activation log's head (a rollback).",
        .sequence: "A proposal's sequence is not the log head's plus one.",
        .noChange: "The proposed plan changes no parameter.",
        .activation: "A plan without a valid activation record under the policy.",
        .approvalTime: "An approval time before the proposal was made.",
        .proposal: "The file is not a proposal `hedgeplan propose` wrote.",
        .activationLog: "The activation log cannot be trusted (not a log, another policy's, or its hash chain is broken).",
    ]
}
