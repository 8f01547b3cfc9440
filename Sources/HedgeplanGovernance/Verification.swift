import HedgeplanDiagnostics
import HedgeplanFormatting
import HedgeplanIR

/// `verify`: everything a proposal claims, recomputed from its two plans and checked
/// against the policy and its log. Each finding says what holds or what does not; the
/// proposal is sound when nothing is wrong (approvals still to come and a timelock still
/// running are status, not faults).
public struct VerificationReport: Sendable {
    public struct Finding: Sendable, Equatable {
        public enum Kind: String, Sendable { case holds, fails, pending }
        public var kind: Kind
        /// The rule this finding is about (`risk-figure`, `signature`, …).
        public var rule: RuleID
        public var text: String
    }

    public var findings: [Finding]
    public var isSound: Bool { !findings.contains { $0.kind == .fails } }
}

public enum Verification {
    public static func verify(_ proposal: Proposal, policy: GovernancePolicy, log: ActivationLog, now: Instant,
                              recomputedRisk: RiskFigure) -> VerificationReport {
        var findings: [VerificationReport.Finding] = []
        func add(_ holds: Bool, _ rule: RuleID, _ yes: String, _ no: @autoclosure () -> String) {
            findings.append(.init(kind: holds ? .holds : .fails, rule: rule, text: holds ? yes : no()))
        }
        add(proposal.governance == policy.name, .governance, "made under this policy (\(policy.name))",
            "made under governance \"\(proposal.governance)\", not this policy's \"\(policy.name)\"")
        let integrity = ActivationRules.integrity(proposal, policy: policy)
        let planHashFailures = integrity.filter { $0.rule == .planHash }
        add(planHashFailures.isEmpty, .planHash, "both plans match their sha256 (current \(proposal.currentSha256.prefix(12))…, proposed \(proposal.proposedSha256.prefix(12))…)",
            planHashFailures.map(\.description).joined(separator: "; "))
        let recomputed = ChangeClassifier.classify(PlanDiff.changes(from: proposal.current, to: proposal.proposed), steward: policy.steward)
        let steward = recomputed.filter { $0.changeClass == .steward }.count
        add(!integrity.contains(.diff) && !integrity.contains(.noChange), .diff,
            "the diff recomputes: \(recomputed.count) change\(recomputed.count == 1 ? "" : "s") (\(steward) inside steward bounds), class \(ChangeClassifier.overall(recomputed).rawValue)",
            integrity.contains(.noChange) ? ActivationRefusal.noChange.description : ActivationRefusal.diff.description)
        let risk = recomputedRisk
        add(proposal.risk.matches(risk), .riskFigure,
            "the risk figure recomputes: ES99 \(quote(risk.es99Current)) -> \(quote(risk.es99Proposed)) (\(signed(risk.deltaEs99))) on \(NumberFormat.grouped(risk.paths)) paths, seed \(risk.seed)",
            ActivationRefusal.riskFigure(recorded: proposal.risk, recomputed: risk).description)
        let checks = ApprovalCheck.checkAll(proposal, policy: policy, now: now)
        for check in checks {
            add(check.isValid, .signature, "approval by \(check.approval.signer) at \(check.approval.signedAt) verifies",
                "approval by \(check.approval.signer) does not verify: \(check.explanation)")
        }
        // A proposal the log already holds is audited as activated: its head and sequence
        // are history, not a rollback, and its window is judged at its activation.
        let activated = log.entry(activating: proposal)
        if let activated, let head = log.head {
            let history = ActivationLog.activationHistory(sequence: activated.sequence, at: activated.activatedAt, headSequence: head.sequence)
            findings.append(.init(kind: .holds, rule: .head, text: "activated \(history)"))
        } else if let head = log.head {
            add(head.planSha256 == proposal.currentSha256, .head, "the current plan is the log's head (sequence \(head.sequence))",
                ActivationRefusal.head(current: proposal.currentSha256, head: head.planSha256).description)
        } else {
            findings.append(.init(kind: .holds, rule: .head, text: "the log is empty: this would be the first activation"))
        }
        if activated == nil {
            let expected = (log.head?.sequence ?? 0) + 1
            add(proposal.sequence == expected, .sequence, "it takes sequence \(proposal.sequence)",
                ActivationRefusal.sequence(proposal: proposal.sequence, expected: expected).description)
        }
        // Status: approvals and time, as `activate` would judge them now.
        let changeClass = ChangeClassifier.overall(recomputed)
        let needed = policy.approvalsNeeded(for: changeClass)
        let times = checks.filter(\.isValid).compactMap(\.approval.time).sorted()
        if times.count < needed {
            findings.append(.init(kind: .pending, rule: .approvals, text: "\(times.count) of \(needed) approvals a \(changeClass.rawValue) change needs"))
        } else {
            let last = times[needed - 1]
            let earliest = Instant(secondsSinceEpoch: last.secondsSinceEpoch + policy.delaySeconds(for: changeClass))
            let expiry = Instant(secondsSinceEpoch: last.secondsSinceEpoch + policy.graceSeconds)
            findings.append(.init(kind: .holds, rule: .approvals, text: "\(times.count) of \(needed) approvals a \(changeClass.rawValue) change needs"))
            let timing = "may be activated from \(earliest) until \(expiry)"
            if let activated {
                let at = Instant(iso8601: activated.activatedAt)
                let inside = at.map { $0 >= earliest && $0 <= expiry } ?? false
                add(inside, .timelock, "activated at \(activated.activatedAt), inside its window (\(timing))",
                    "activated at \(activated.activatedAt), outside its window (\(timing))")
            } else {
                let kind: VerificationReport.Finding.Kind = now < earliest ? .pending : (now > expiry ? .fails : .holds)
                findings.append(.init(kind: kind, rule: now > expiry ? .grace : .timelock, text: kind == .fails ? "expired: \(timing)" : timing))
            }
        }
        return VerificationReport(findings: findings)
    }

    static func quote(_ v: Double) -> String { NumberFormat.fixed(v, decimals: 2) }
    static func signed(_ v: Double) -> String { (v > 0 ? "+" : "") + NumberFormat.fixed(v, decimals: 2) }
}
