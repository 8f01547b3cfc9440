import Foundation
import PlanFormat
import HedgeplanCompiler
import HedgeplanGovernance
import HedgeplanIR

/// The tests' policy, keys and strategies (Fixtures/), copied to a scratch folder per test
/// so that each test has its own activation log.
struct GovernanceFixture {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    let folder: URL
    let policy: GovernancePolicy

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("governance-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixtures, to: folder)
        let loaded = GovernancePolicyReader.load(path: folder.appendingPathComponent("policy.yaml").path)
        guard let policy = loaded.policy else { throw FixtureError("the fixture policy has errors: \(loaded.diagnostics)") }
        self.policy = policy
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A fixture strategy, compiled (fixed clock: the strategies set `as_of`).
    func plan(_ name: String) throws -> HedgingPlan {
        let compiled = PlanCompiler.compile(path: path(name), now: Instant(iso8601: "2026-11-27T08:00:00Z")!)
        guard let plan = compiled.plan else { throw FixtureError("\(name) does not compile: \(compiled.diagnostics)") }
        return plan
    }

    func privateKeyPEM(_ signer: String) throws -> String {
        try String(contentsOfFile: path("keys/\(signer).pem"), encoding: .utf8)
    }

    static func at(_ text: String) -> Instant { Instant(iso8601: text)! }

    /// The proposal of `proposed` against `current` at `time`, with the log as it is.
    func propose(_ proposed: String, current: HedgingPlan? = nil, log: ActivationLog, at time: String = "2026-11-27T09:00:00Z") throws -> Proposal {
        try ProposalBuilder.propose(current: current ?? plan("current.yaml"), proposed: plan(proposed), policy: policy, log: log, now: Self.at(time))
    }

    func approve(_ proposal: Proposal, _ signer: String, at time: String) throws -> Proposal {
        try ApprovalSigner.approve(proposal, signer: signer, keyPEM: privateKeyPEM(signer), now: Self.at(time))
    }

    func risk(_ proposal: Proposal) throws -> RiskFigure {
        try RiskFigure.compute(current: proposal.current, proposed: proposal.proposed, settings: policy.risk)
    }

    func refusals(_ proposal: Proposal, log: ActivationLog, at time: String) throws -> [ActivationRefusal] {
        ActivationRules.refusals(proposal, policy: policy, log: log, now: Self.at(time), recomputedRisk: try risk(proposal))
    }

    func activate(_ proposal: Proposal, log: ActivationLog, at time: String) throws -> Activation.Outcome {
        try Activation.activate(proposal, policy: policy, log: log, now: Self.at(time), recomputedRisk: risk(proposal))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Array where Element == ActivationRefusal {
    var rules: [String] { map(\.rule.rawValue) }
}
