import Foundation
import PlanFormat
import HedgeplanGovernance
import Testing

/// `dry-run --policy`'s check and the log's hash chain.
struct ActivatedPlanTests {
    /// The wide band, approved by alice and bob at 10:00, activated at the end of the timelock.
    static func activated(_ f: GovernanceFixture) throws -> Activation.Outcome {
        let empty = ActivationLog(governance: f.policy.name)
        let proposal = try f.approve(f.approve(f.propose("wide.yaml", log: empty), "alice", at: "2026-11-27T10:00:00Z"), "bob", at: "2026-11-27T10:00:00Z")
        return try f.activate(proposal, log: empty, at: "2026-11-29T10:00:00Z")
    }

    @Test func theActivatedPlanPassesAndOneChangedByteIsRefused() throws {
        let f = try GovernanceFixture()
        defer { f.remove() }
        let outcome = try Self.activated(f)
        let plan = try PlanCoding.decode(outcome.planBytes)
        #expect(plan.activation?.sequence == 1)
        #expect(plan.activation?.approvals.map(\.signer) == ["alice", "bob"])
        #expect(plan.activation?.activatedAt == "2026-11-29T10:00:00Z")
        #expect(plan.hedge?.delta?.trigger.halfWidth == 1.5)
        try ActivatedPlanCheck.check(fileBytes: outcome.planBytes, plan: plan, policy: f.policy, log: outcome.log)
        // One byte: the band 1.5 becomes 1.6.
        let text = String(decoding: outcome.planBytes, as: UTF8.self)
        let changed = Data(text.replacingOccurrences(of: "\"half_width\" : 1.5", with: "\"half_width\" : 1.6").utf8)
        #expect(changed.count == outcome.planBytes.count && changed != outcome.planBytes)
        let changedPlan = try PlanCoding.decode(changed)
        #expect(throws: ActivatedPlanCheck.Refusal.bytesChanged) {
            try ActivatedPlanCheck.check(fileBytes: changed, plan: changedPlan, policy: f.policy, log: outcome.log)
        }
        // Whitespace counts too: the bytes, not only the values, are what was activated.
        var spaced = outcome.planBytes
        spaced.append(0x0A)
        #expect(throws: ActivatedPlanCheck.Refusal.bytesChanged) {
            try ActivatedPlanCheck.check(fileBytes: spaced, plan: plan, policy: f.policy, log: outcome.log)
        }
    }

    @Test func aPlanWithoutActivationAndAnOlderActivatedPlanAreRefused() throws {
        let f = try GovernanceFixture()
        defer { f.remove() }
        let first = try Self.activated(f)
        let compiled = try f.plan("wide.yaml")
        #expect(throws: ActivatedPlanCheck.Refusal.notActivated) {
            try ActivatedPlanCheck.check(fileBytes: PlanCoding.encode(compiled), plan: compiled, policy: f.policy, log: first.log)
        }
        // A second activation (back to band 1) makes the first plan a rollback.
        var back = try f.propose("current.yaml", current: f.plan("wide.yaml"), log: first.log, at: "2026-11-30T00:00:00Z")
        back = try f.approve(f.approve(back, "carol", at: "2026-11-30T01:00:00Z"), "bob", at: "2026-11-30T01:00:00Z")
        let second = try f.activate(back, log: first.log, at: "2026-12-02T01:00:00Z")
        #expect(second.log.entries.count == 2)
        let old = try PlanCoding.decode(first.planBytes)
        #expect(throws: ActivatedPlanCheck.Refusal.notHead(sequence: 1, headSequence: 2)) {
            try ActivatedPlanCheck.check(fileBytes: first.planBytes, plan: old, policy: f.policy, log: second.log)
        }
        try ActivatedPlanCheck.check(fileBytes: second.planBytes, plan: PlanCoding.decode(second.planBytes), policy: f.policy, log: second.log)
    }

    @Test func theLogIsHashChainedAndAnEditIsFound() throws {
        let f = try GovernanceFixture()
        defer { f.remove() }
        let log = try Self.activated(f).log
        let entry = try #require(log.head)
        #expect(entry.previousSha256 == ActivationLog.genesis)
        #expect(entry.planSha256 == PlanHash.sha256(try f.plan("wide.yaml")))
        // Reads back as written.
        #expect(try ActivationLog.read(log.encoded(), governance: f.policy.name) == log)
        // An entry whose time was moved back (to dodge the steward's rate limit) no longer matches its hash.
        let text = String(decoding: log.encoded(), as: UTF8.self).replacingOccurrences(of: "2026-11-29T10:00:00Z", with: "2026-11-20T10:00:00Z")
        #expect(throws: ActivationLog.Damage.self) { try ActivationLog.read(Data(text.utf8), governance: f.policy.name) }
        #expect(throws: ActivationLog.Damage.self) { try ActivationLog.read(log.encoded(), governance: "another") }
        // The entry hash is SHA-256 of the entry's canonical JSON with an empty entry_sha256, recomputed here with Foundation.
        var bare = entry
        bare.entrySha256 = ""
        #expect(entry.entrySha256 == CanonicalHash.sha256Hex(CanonicalJSON.encode(bare)))
    }
}

/// A proposal file is read strictly: its plans as strictly as plan files.
struct ProposalReadingTests {
    @Test func aProposalReadsBackAsWrittenAndAnInvalidEmbeddedPlanIsRefused() throws {
        let f = try GovernanceFixture()
        defer { f.remove() }
        let proposal = try f.approve(f.propose("steward-inside.yaml", log: ActivationLog(governance: f.policy.name)), "alice", at: "2026-11-27T10:00:00Z")
        let bytes = proposal.encoded()
        let read = try Proposal.decode(bytes)
        #expect(read == proposal)
        #expect(read.encoded() == bytes)
        // A negative band in the proposed plan: refused with its JSON path, not run.
        let text = String(decoding: bytes, as: UTF8.self)
        let edited = text.replacingOccurrences(of: "\"half_width\" : 1.2", with: "\"half_width\" : -1.2")
        #expect(edited != text)
        do {
            _ = try Proposal.decode(Data(edited.utf8))
            Issue.record("a proposal with a negative band was read")
        } catch {
            #expect(error.description.contains("$.proposed.hedge.delta.trigger.half_width"), "\(error.description)")
        }
        // A fractional sequence: Foundation's decoder says only "not valid JSON"; the field is named.
        let fractional = text.replacingOccurrences(of: "\"sequence\" : 1,", with: "\"sequence\" : 1.5,")
        #expect(fractional != text)
        #expect(throws: Proposal.Failure.notAProposal("$.sequence: expected an integer (a whole number within ±9.2e18), found 1.5")) {
            try Proposal.decode(Data(fractional.utf8))
        }
        #expect(throws: Proposal.Failure.self) { try Proposal.decode(Data("[]".utf8)) }
        #expect(throws: Proposal.Failure.self) { try Proposal.decode(Data("{\"format\": \"hedgeplan.proposal\", \"version\": 1}".utf8)) }
    }
}
