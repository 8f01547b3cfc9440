import HedgeplanDiagnostics
import HedgeplanFormatting
import HedgeplanIR

/// The rules `activate` enforces, each refusal a case naming its rule (the id printed in
/// brackets), so that a refused activation says which rule and by how much.
public enum ActivationRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The proposal was made under another policy.
    case governance(proposal: String, policy: String)
    /// A plan in the proposal does not match the hash the proposal gives for it.
    case planHash(which: String)
    /// The recorded diff or classes are not what the two plans give.
    case diff
    /// The recorded risk figure is not what `stress` of the two plans gives.
    case riskFigure(recorded: RiskFigure, recomputed: RiskFigure)
    /// An approval that does not verify (unknown signer, bad signature, bad time).
    case signature(signer: String, reason: String)
    /// Fewer valid approvals than the class needs.
    case approvals(changeClass: ChangeClass, needed: Int, valid: Int, outside: [String])
    /// Activation before the delay since the last needed approval has passed.
    case timelock(changeClass: ChangeClass, lastApproval: Instant, earliest: Instant, now: Instant)
    /// Activation after the grace period since the last needed approval.
    case grace(lastApproval: Instant, expired: Instant, now: Instant)
    /// A steward change sooner than `every` after the previous steward change.
    case stewardRateLimit(previous: String, next: Instant, now: Instant)
    /// The proposal's current plan is not the log's head (a rollback, or a stale proposal).
    case head(current: String, head: String?)
    /// The proposal's sequence is not the head's plus one.
    case sequence(proposal: Int, expected: Int)
    /// The log already holds this proposal's activation (`activate` run twice): said as
    /// such rather than as a head and a sequence that no longer match.
    case alreadyActivated(sequence: Int, at: String, headSequence: Int)
    /// The proposal changes nothing.
    case noChange

    /// The rule's id, printed as `[rule]`.
    public var rule: RuleID {
        switch self {
        case .governance: .governance
        case .planHash: .planHash
        case .diff: .diff
        case .riskFigure: .riskFigure
        case .signature: .signature
        case .approvals: .approvals
        case .timelock: .timelock
        case .grace: .grace
        case .stewardRateLimit: .stewardRateLimit
        case .head, .alreadyActivated: .head
        case .sequence: .sequence
        case .noChange: .noChange
        }
    }

    /// QUOTE amounts: two decimals.
    private func quote(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 2) }

    public var description: String {
        switch self {
        case .governance(let proposal, let policy):
            return "the proposal is for governance \"\(proposal)\", the policy is \"\(policy)\""
        case .planHash(let which):
            return "the \(which) plan in the proposal does not match its sha256: the proposal was edited"
        case .diff:
            return "the changes recorded in the proposal are not the diff of its two plans under this policy's bounds"
        case .riskFigure(let recorded, let recomputed):
            return "the risk figure does not recompute: the proposal says ES99 \(quote(recorded.es99Current)) -> \(quote(recorded.es99Proposed)), stress on the policy's paths gives \(quote(recomputed.es99Current)) -> \(quote(recomputed.es99Proposed))"
        case .signature(let signer, let reason):
            return "approval by \(signer) does not verify: \(reason)"
        case .approvals(let changeClass, let needed, let valid, let outside):
            let why = outside.isEmpty ? "" : " (\(outside.joined(separator: "; ")))"
            return "a \(changeClass.rawValue) change needs \(needed) valid approval\(needed == 1 ? "" : "s"), it has \(valid)\(why)"
        case .timelock(let changeClass, let last, let earliest, let now):
            let wait = now.seconds(until: earliest)
            return "the \(changeClass == .steward ? "steward delay" : "timelock") runs from the last needed approval (\(last)) to \(earliest); it is \(now), \(wait) s too early"
        case .grace(let last, let expired, let now):
            return "the proposal expired at \(expired) (grace period from the last needed approval, \(last)); it is \(now)"
        case .stewardRateLimit(let previous, let next, let now):
            return "the previous steward change was activated at \(previous); the next may be activated from \(next), it is \(now)"
        case .head(let current, let head):
            let headText = head.map { "the log's head is \($0.prefix(12))…" } ?? "the log is empty"
            return "the proposal's current plan (\(current.prefix(12))…) is not the running plan: \(headText) (a rollback to an older plan, or a proposal made before another activation)"
        case .sequence(let proposal, let expected):
            return "the proposal takes sequence \(proposal), the next in the log is \(expected)"
        case .alreadyActivated(let sequence, let at, let headSequence):
            return "this proposal was already activated, \(ActivationLog.activationHistory(sequence: sequence, at: at, headSequence: headSequence))"
        case .noChange:
            return "the proposed plan changes no parameter of the current one"
        }
    }
}

/// Whether a proposal may be activated now, under a policy and its log: every refusal that
/// applies, in the order a reader fixes them. `recomputedRisk` is the risk figure from the
/// two plans (`RiskFigure.compute`), nil when the caller already refused it.
public enum ActivationRules {
    public static func refusals(_ proposal: Proposal, policy: GovernancePolicy, log: ActivationLog, now: Instant,
                                recomputedRisk: RiskFigure) -> [ActivationRefusal] {
        var refusals: [ActivationRefusal] = []
        if proposal.governance != policy.name { refusals.append(.governance(proposal: proposal.governance, policy: policy.name)) }
        refusals += integrity(proposal, policy: policy)
        if !proposal.risk.matches(recomputedRisk) { refusals.append(.riskFigure(recorded: proposal.risk, recomputed: recomputedRisk)) }
        // Run twice: one refusal that says so, not a head and a sequence that moved on.
        if let done = log.entry(activating: proposal), let head = log.head {
            return refusals + [.alreadyActivated(sequence: done.sequence, at: done.activatedAt, headSequence: head.sequence)]
        }
        // Rollbacks and stale proposals: the current plan must be the head.
        if let head = log.head {
            if head.planSha256 != proposal.currentSha256 { refusals.append(.head(current: proposal.currentSha256, head: head.planSha256)) }
        }
        let expected = (log.head?.sequence ?? 0) + 1
        if proposal.sequence != expected { refusals.append(.sequence(proposal: proposal.sequence, expected: expected)) }

        let checks = ApprovalCheck.checkAll(proposal, policy: policy, now: now)
        for check in checks where !check.isValid && check.status != .duplicate {
            refusals.append(.signature(signer: check.approval.signer, reason: check.explanation))
        }
        let changeClass = ChangeClassifier.overall(ChangeClassifier.classify(PlanDiff.changes(from: proposal.current, to: proposal.proposed), steward: policy.steward))
        let needed = policy.approvalsNeeded(for: changeClass)
        let times = checks.filter(\.isValid).compactMap(\.approval.time).sorted()
        guard times.count >= needed, needed > 0 else {
            let outside = proposal.changes.filter { $0.changeClass == .full }.map { "\($0.path): \($0.reason ?? "full")" }
            refusals.append(.approvals(changeClass: changeClass, needed: needed, valid: times.count, outside: outside))
            return refusals
        }
        let last = times[needed - 1]
        let earliest = Instant(secondsSinceEpoch: last.secondsSinceEpoch + policy.delaySeconds(for: changeClass))
        if now < earliest { refusals.append(.timelock(changeClass: changeClass, lastApproval: last, earliest: earliest, now: now)) }
        let expiry = Instant(secondsSinceEpoch: last.secondsSinceEpoch + policy.graceSeconds)
        if now > expiry { refusals.append(.grace(lastApproval: last, expired: expiry, now: now)) }
        if changeClass == .steward, let steward = policy.steward,
            let previous = log.entries.last(where: { $0.changeClass == .steward }),
            let previousTime = Instant(iso8601: previous.activatedAt)
        {
            let next = Instant(secondsSinceEpoch: previousTime.secondsSinceEpoch + steward.everySeconds)
            if now < next { refusals.append(.stewardRateLimit(previous: previous.activatedAt, next: next, now: now)) }
        }
        return refusals
    }

    /// What a proposal must hold on its own: plans matching their hashes, the recorded diff
    /// and classes being the diff of its plans under this policy, and at least one change.
    public static func integrity(_ proposal: Proposal, policy: GovernancePolicy) -> [ActivationRefusal] {
        var refusals: [ActivationRefusal] = []
        if PlanHash.sha256(proposal.current) != proposal.currentSha256 { refusals.append(.planHash(which: "current")) }
        if PlanHash.sha256(proposal.proposed) != proposal.proposedSha256 { refusals.append(.planHash(which: "proposed")) }
        let recomputed = ChangeClassifier.classify(PlanDiff.changes(from: proposal.current, to: proposal.proposed), steward: policy.steward)
        if recomputed.isEmpty { refusals.append(.noChange) }
        if recomputed != proposal.changes || ChangeClassifier.overall(recomputed) != proposal.changeClass { refusals.append(.diff) }
        return refusals
    }
}

