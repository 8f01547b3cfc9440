import Foundation
import Testing
import HedgeplanTestSupport

/// `diff`, `propose`, `approve`, `verify`, `activate` and `dry-run --policy` as a user runs
/// them, on the governance fixtures (policy with 2-of-3 signers, 48h timelock, 14d grace, a
/// steward within ±20%, and a 64-path stress), in a scratch copy per test.
struct GovernanceCommandTests {
    static let fixtures = HedgeplanProcess.packageRoot.appendingPathComponent("Tests/HedgeplanGovernanceTests/Fixtures")
    static let feed = "gbm:spot=3000,vol=0.6,days=2,step=1h,seed=7"

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("governance-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixtures, to: dir)
        return dir
    }

    static func run(_ arguments: [String], in dir: URL) throws -> HedgeplanProcess.Result {
        try HedgeplanProcess.run(arguments, in: dir)
    }

    /// Proposes the wide band at 09:00 and has alice and bob approve it at 10:00 and 11:00.
    static func approvedProposal(in dir: URL) throws {
        let propose = try run(["propose", "wide.yaml", "--current", "current.yaml", "--policy", "policy.yaml", "-o", "proposal.json", "--now", "2026-11-27T09:00:00Z"], in: dir)
        #expect(propose.status == 0, "\(propose.stderr)")
        for (signer, time) in [("alice", "2026-11-27T10:00:00Z"), ("bob", "2026-11-27T11:00:00Z")] {
            let r = try run(["approve", "proposal.json", "--key", "keys/\(signer).pem", "--signer", signer, "--now", time], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
    }

    @Test func theWalkthroughActivatesAfterTheTimelockAndDryRunChecksTheBytes() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.approvedProposal(in: dir)
        let verify = try Self.run(["verify", "proposal.json", "--policy", "policy.yaml", "--now", "2026-11-28T00:00:00Z"], in: dir)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("wait  may be activated from 2026-11-29T11:00:00Z until 2026-12-11T11:00:00Z [timelock]"))
        #expect(verify.stdout.contains("the proposal holds"))
        // One second before the 48h timelock from bob's (the last needed) approval.
        let early = try Self.run(["activate", "proposal.json", "--policy", "policy.yaml", "--now", "2026-11-29T10:59:59Z", "-o", "active.json"], in: dir)
        #expect(early.status == 1)
        #expect(early.stderr.contains("proposal.json: error: cannot activate: the timelock runs from the last needed approval (2026-11-27T11:00:00Z) to 2026-11-29T11:00:00Z; it is 2026-11-29T10:59:59Z, 1 s too early [timelock]"), "\(early.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("active.json").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("test-vault.log.json").path))
        let activate = try Self.run(["activate", "proposal.json", "--policy", "policy.yaml", "--now", "2026-11-29T11:00:00Z", "-o", "active.json"], in: dir)
        #expect(activate.status == 0, "\(activate.stderr)")
        #expect(activate.stderr.contains("activated sequence 1 (full change) at 2026-11-29T11:00:00Z"))
        let run = try Self.run(["dry-run", "active.json", "--policy", "policy.yaml", "--feed", Self.feed, "--format", "json"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        // The activated plan, activation record included, conforms to the documented plan
        // schema (checked by Python's jsonschema, which .ci/run installs).
        let schema = HedgeplanProcess.packageRoot.appendingPathComponent("schema/plan.schema.json").path
        let check = try HedgeplanProcess.run(
            ["-c", "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1]))); print('valid')", schema, "active.json"],
            in: dir, program: "python3")
        #expect(check.status == 0 && check.stdout == "valid\n", "\(check.stdout)\(check.stderr)")
        // Activating twice is refused, saying so.
        let again = try Self.run(["activate", "proposal.json", "--policy", "policy.yaml", "--now", "2026-11-29T12:00:00Z", "-o", "again.json"], in: dir)
        #expect(again.status == 1)
        #expect(again.stderr == "proposal.json: error: cannot activate: this proposal was already activated, as sequence 1 at 2026-11-29T11:00:00Z: its plan is the running plan [head]\n", "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("again.json").path))
        // One byte of the activated plan changed: the band 1.5 becomes 1.6.
        let active = dir.appendingPathComponent("active.json")
        let bytes = try Data(contentsOf: active)
        let text = String(decoding: bytes, as: UTF8.self)
        let edited = text.replacingOccurrences(of: "\"half_width\" : 1.5", with: "\"half_width\" : 1.6")
        #expect(edited != text && edited.utf8.count == bytes.count)
        try Data(edited.utf8).write(to: active)
        let refused = try Self.run(["dry-run", "active.json", "--policy", "policy.yaml", "--feed", Self.feed], in: dir)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("active.json: error: refused under policy.yaml: the plan's bytes changed after activation"), "\(refused.stderr)")
        #expect(refused.stderr.contains("[plan-hash]"))
        // Without --policy the plan still runs: governance is opt-in per run.
        #expect(try Self.run(["dry-run", "active.json", "--feed", Self.feed], in: dir).status == 0)
    }

    @Test func aPlanNeverActivatedIsRefusedUnderAPolicy() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.run(["compile", "current.yaml", "-o", "plan.json"], in: dir).status == 0)
        let r = try Self.run(["dry-run", "plan.json", "--policy", "policy.yaml", "--feed", Self.feed], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("the plan has no activation record") && r.stderr.contains("[activation]"), "\(r.stderr)")
        let yaml = try Self.run(["dry-run", "current.yaml", "--policy", "policy.yaml", "--feed", Self.feed], in: dir)
        #expect(yaml.status == 64)
    }

    @Test func anEditedRiskFigureFailsVerifyAndActivate() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let propose = try Self.run(["propose", "wide.yaml", "--current", "current.yaml", "--policy", "policy.yaml", "-o", "proposal.json", "--now", "2026-11-27T09:00:00Z"], in: dir)
        #expect(propose.status == 0, "\(propose.stderr)")
        // The proposer claims the wider band costs nothing, before anyone signs.
        let url = dir.appendingPathComponent("proposal.json")
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var risk = object["risk"] as! [String: Any]
        risk["es99_proposed"] = risk["es99_current"]
        risk["delta_es99"] = 0
        object["risk"] = risk
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: url)
        for signer in ["alice", "bob"] {
            #expect(try Self.run(["approve", "proposal.json", "--key", "keys/\(signer).pem", "--signer", signer, "--now", "2026-11-27T10:00:00Z"], in: dir).status == 0)
        }
        let verify = try Self.run(["verify", "proposal.json", "--policy", "policy.yaml", "--now", "2026-11-30T00:00:00Z"], in: dir)
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("FAIL  the risk figure does not recompute"), "\(verify.stdout)")
        #expect(verify.stdout.contains("ok    approval by alice at 2026-11-27T10:00:00Z verifies [signature]"))
        let activate = try Self.run(["activate", "proposal.json", "--policy", "policy.yaml", "--now", "2026-11-30T00:00:00Z", "-o", "active.json"], in: dir)
        #expect(activate.status == 1)
        #expect(activate.stderr.contains("[risk-figure]"), "\(activate.stderr)")
        #expect(!activate.stderr.contains("[signature]"))
    }

    @Test func theRiskFigureIsWhatStressPrintsForTheSamePaths() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let propose = try Self.run(["propose", "wide.yaml", "--current", "current.yaml", "--policy", "policy.yaml", "--now", "2026-11-27T09:00:00Z"], in: dir)
        #expect(propose.status == 0, "\(propose.stderr)")
        let proposal = try JSONSerialization.jsonObject(with: Data(propose.stdout.utf8)) as! [String: Any]
        let risk = try #require(proposal["risk"] as? [String: Any])
        for (file, key) in [("current.yaml", "es99_current"), ("wide.yaml", "es99_proposed")] {
            let stress = try Self.run(["stress", file, "--paths", "64", "--seed", "1", "--horizon", "2d", "--step", "1h", "--format", "json"], in: dir)
            #expect(stress.status == 0, "\(stress.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(stress.stdout.utf8)) as! [String: Any]
            let es = try #require(((json["pnl"] as? [String: Any])?["es"] as? [String: Any])?["0.99"] as? Double)
            let figure = try #require(risk[key] as? Double)
            // stress prints QUOTE to the cent.
            #expect(abs(es - figure) <= 0.005 + 1e-9, "\(file): stress \(es), proposal \(figure)")
        }
    }

    @Test func diffPrintsPathsOldNewAndRelativeValues() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try Self.run(["diff", "current.yaml", "steward-outside.yaml"], in: dir)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == "$.hedge.delta.trigger.half_width  1 -> 1.21  (+21%)\n")
        let json = try Self.run(["diff", "current.yaml", "wide.yaml", "--format", "json"], in: dir)
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: [[String: Any]]]
        let changes = try #require(object["changes"])
        #expect(changes.count == 1)
        #expect(changes[0]["path"] as? String == "$.hedge.delta.trigger.half_width")
        #expect(changes[0]["old"] as? Double == 1 && changes[0]["new"] as? Double == 1.5 && changes[0]["relative"] as? Double == 0.5)
    }

    @Test func badInputGetsItsExitCodeAndLocation() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let policy = dir.appendingPathComponent("policy.yaml")
        let original = try String(contentsOf: policy, encoding: .utf8)
        try original.replacingOccurrences(of: "threshold: 2", with: "threshold: 4").write(to: policy, atomically: true, encoding: .utf8)
        let threshold = try Self.run(["propose", "wide.yaml", "--current", "current.yaml", "--policy", "policy.yaml", "--now", "2026-11-27T09:00:00Z"], in: dir)
        #expect(threshold.status == 1)
        #expect(threshold.stderr.contains("policy.yaml:9:12: error: `threshold` is 4 but the policy has 3 signers: no change could ever be approved [inconsistent]"), "\(threshold.stderr)")
        try original.write(to: policy, atomically: true, encoding: .utf8)
        try Self.approvedProposal(in: dir)
        let wrongKey = try Self.run(["approve", "proposal.json", "--key", "keys/mallory.pem", "--signer", "carol", "--now", "2026-11-27T12:00:00Z"], in: dir)
        #expect(wrongKey.status == 1)
        #expect(wrongKey.stderr.contains("keys/mallory.pem: error: this private key is not carol's"), "\(wrongKey.stderr)")
        let badTime = try Self.run(["approve", "proposal.json", "--key", "keys/carol.pem", "--signer", "carol", "--now", "yesterday"], in: dir)
        #expect(badTime.status == 64)
        let missing = try Self.run(["verify", "nothing.json", "--policy", "policy.yaml"], in: dir)
        #expect(missing.status == 74)
        let notProposal = try Self.run(["verify", "current.yaml", "--policy", "policy.yaml"], in: dir)
        #expect(notProposal.status == 1)
        #expect(notProposal.stderr.contains("[proposal]"))
        // Rollback: proposing against a plan that is not the head once one was activated.
        #expect(try Self.run(["activate", "proposal.json", "--policy", "policy.yaml", "--now", "2026-11-29T11:00:00Z", "-o", "active.json"], in: dir).status == 0)
        let rollback = try Self.run(["propose", "steward-inside.yaml", "--current", "current.yaml", "--policy", "policy.yaml", "--now", "2026-11-30T00:00:00Z"], in: dir)
        #expect(rollback.status == 1)
        #expect(rollback.stderr.contains("is a plan the log has never activated") || rollback.stderr.contains("no longer the head"), "\(rollback.stderr)")
        #expect(rollback.stderr.contains("[head]"))
    }
}
