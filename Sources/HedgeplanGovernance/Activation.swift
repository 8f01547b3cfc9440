import Foundation
import PlanFormat
import HedgeplanDiagnostics
import HedgeplanIR

/// `activate`: when no rule refuses, the proposed plan with its activation record (its
/// canonical bytes, what `-o` writes) and the log with the new entry.
public enum Activation {
    public struct Outcome: Sendable {
        public var plan: HedgingPlan
        public var planBytes: Data
        public var log: ActivationLog
    }

    public static func activate(_ proposal: Proposal, policy: GovernancePolicy, log: ActivationLog, now: Instant,
                                recomputedRisk: RiskFigure) throws(ActivationFailure) -> Outcome {
        let refusals = ActivationRules.refusals(proposal, policy: policy, log: log, now: now, recomputedRisk: recomputedRisk)
        guard refusals.isEmpty else { throw ActivationFailure(refusals: refusals) }
        let counted = ApprovalCheck.checkAll(proposal, policy: policy, now: now).filter(\.isValid).map(\.approval)
        var plan = proposal.proposed.withoutActivation
        let planHash = PlanHash.sha256(plan)
        plan.activation = PlanActivation(
            governance: policy.name, sequence: proposal.sequence, proposalSha256: proposal.canonicalHash, planSha256: planHash,
            changeClass: proposal.changeClass.rawValue,
            approvals: counted.map { ActivationApproval(signer: $0.signer, signedAt: $0.signedAt) },
            activatedAt: now.description, activatedAtMs: now.epochMilliseconds)
        let bytes = PlanCoding.encode(plan)
        let next = log.appending(planSha256: planHash, activatedFileSha256: CanonicalHash.sha256Hex(bytes),
                                 proposalSha256: proposal.canonicalHash, activatedAt: now.description, changeClass: proposal.changeClass)
        return Outcome(plan: plan, planBytes: bytes, log: next)
    }
}

/// Every rule that refused an activation.
public struct ActivationFailure: Error, Sendable {
    public var refusals: [ActivationRefusal]
}

/// `dry-run --policy`: the plan about to run must be the log's head, byte for byte as
/// `activate` wrote it.
public enum ActivatedPlanCheck {
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case notActivated
        case otherGovernance(String, policy: String)
        case emptyLog
        /// An older activated plan (a rollback), or a plan the log never activated.
        case notHead(sequence: Int, headSequence: Int)
        case bytesChanged
        case unknownPlan

        public var rule: RuleID {
            switch self {
            case .notActivated, .emptyLog, .unknownPlan: .activation
            case .otherGovernance: .governance
            case .notHead: .head
            case .bytesChanged: .planHash
            }
        }

        public var description: String {
            switch self {
            case .notActivated: "the plan has no activation record: only a plan written by `hedgeplan activate` may run under a policy"
            case .otherGovernance(let name, let policy): "the plan was activated under governance \"\(name)\", not \"\(policy)\""
            case .emptyLog: "the policy's activation log has no entry: no plan has been activated"
            case .notHead(let sequence, let head):
                "the plan was activated at sequence \(sequence) but the log's head is sequence \(head): an older plan (a rollback) may not run"
            case .bytesChanged: "the plan's bytes changed after activation (its sha256 is not the one the log recorded)"
            case .unknownPlan: "the plan's activation record names no entry of the log: it was not activated under this policy"
            }
        }
    }

    public static func check(fileBytes: Data, plan: HedgingPlan, policy: GovernancePolicy, log: ActivationLog) throws(Refusal) {
        guard let activation = plan.activation else { throw .notActivated }
        guard activation.governance == policy.name else { throw .otherGovernance(activation.governance, policy: policy.name) }
        guard let head = log.head else { throw .emptyLog }
        guard activation.sequence >= 1, activation.sequence <= log.entries.count else { throw .unknownPlan }
        let entry = log.entries[activation.sequence - 1]
        let fileHash = CanonicalHash.sha256Hex(fileBytes)
        if fileHash != entry.activatedFileSha256 {
            throw activation.sequence == head.sequence ? .bytesChanged : .notHead(sequence: activation.sequence, headSequence: head.sequence)
        }
        guard entry.sequence == head.sequence else { throw .notHead(sequence: activation.sequence, headSequence: head.sequence) }
    }
}
