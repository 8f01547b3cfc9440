import PlanFormat
import HedgeplanDiagnostics
import HedgeplanIR

/// `propose`: the proposal of `proposed` to replace `current`, under a policy and its log.
public enum ProposalBuilder {
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// `current` is not the log's head (an older plan: proposing a rollback).
        case notHead(current: String, head: String, olderSequence: Int?)
        case noChange
        case risk(String)

        public var rule: RuleID {
            switch self {
            case .notHead: .head
            case .noChange: .noChange
            case .risk: .riskFigure
            }
        }

        public var description: String {
            switch self {
            case .notHead(let current, let head, let older):
                let which = older.map { "the plan activated at sequence \($0), no longer the head" } ?? "a plan the log has never activated"
                return "--current (\(current.prefix(12))…) is \(which); propose against the running plan (the log's head, \(head.prefix(12))…)"
            case .noChange:
                return "the proposed plan changes no parameter of the current one"
            case .risk(let why):
                return why
            }
        }
    }

    public static func propose(current: HedgingPlan, proposed: HedgingPlan, policy: GovernancePolicy, log: ActivationLog,
                               now: Instant) throws(Refusal) -> Proposal {
        let currentHash = PlanHash.sha256(current)
        if let head = log.head, head.planSha256 != currentHash {
            let older = log.entries.last { $0.planSha256 == currentHash }?.sequence
            throw .notHead(current: currentHash, head: head.planSha256, olderSequence: older)
        }
        let changes = ChangeClassifier.classify(PlanDiff.changes(from: current, to: proposed), steward: policy.steward)
        guard !changes.isEmpty else { throw .noChange }
        let risk: RiskFigure
        do {
            risk = try RiskFigure.compute(current: current, proposed: proposed, settings: policy.risk)
        } catch {
            throw .risk(error.description)
        }
        return Proposal(
            governance: policy.name, sequence: (log.head?.sequence ?? 0) + 1, proposedAt: now.description, current: current,
            proposed: proposed, changes: changes, risk: risk,
            signers: policy.signers.map { Proposal.SignerEntry(name: $0.name, publicKey: $0.key.base64) })
    }
}
