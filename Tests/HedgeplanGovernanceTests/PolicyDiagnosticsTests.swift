import Foundation
import HedgeplanDiagnostics
import HedgeplanGovernance
import Testing

/// The policy file is read by the strategy front end: each problem at its file:line:column.
struct PolicyDiagnosticsTests {
    /// The fixture policy with one line replaced, loaded from the scratch folder (where the keys are).
    static func load(replacing old: String, with new: String) throws -> (LoadedPolicy, [String]) {
        let f = try GovernanceFixture()
        defer { f.remove() }
        let original = try String(contentsOfFile: f.path("policy.yaml"), encoding: .utf8)
        #expect(original.contains(old), "the fixture policy holds \(old)")
        let text = original.replacingOccurrences(of: old, with: new)
        try text.write(toFile: f.path("edited.yaml"), atomically: true, encoding: .utf8)
        return (GovernancePolicyReader.load(path: f.path("edited.yaml")), text.components(separatedBy: "\n"))
    }

    /// 1-based line and column of the first `needle` in the text (counted in characters, as
    /// the front end counts Unicode scalars; the lines tested are ASCII before the needle).
    static func position(of needle: String, in lines: [String]) -> (Int, Int) {
        for (i, line) in lines.enumerated() {
            if let r = line.range(of: needle) { return (i + 1, line.distance(from: line.startIndex, to: r.lowerBound) + 1) }
        }
        return (0, 0)
    }

    static func expectOne(_ loaded: LoadedPolicy, _ rule: RuleID, at position: (Int, Int), containing text: String) {
        #expect(loaded.policy == nil)
        let match = loaded.diagnostics.first { $0.rule == rule }
        #expect(match != nil, "no [\(rule)] in \(loaded.diagnostics.map(\.message))")
        guard let match else { return }
        #expect(match.location.line == position.0 && match.location.column == position.1, "\(match.location) for \(match.message)")
        #expect(match.location.file.hasSuffix("edited.yaml"))
        #expect(match.message.contains(text), "\(match.message)")
    }

    @Test func theFixturePolicyReads() throws {
        let f = try GovernanceFixture()
        defer { f.remove() }
        #expect(f.policy.name == "test-vault")
        #expect(f.policy.signers.map(\.name) == ["alice", "bob", "carol"])
        #expect(f.policy.threshold == 2)
        #expect(f.policy.timelockSeconds == 48 * 3600 && f.policy.graceSeconds == 14 * 86_400)
        #expect(f.policy.steward?.delaySeconds == 6 * 3600 && f.policy.steward?.everySeconds == 3 * 86_400)
        #expect(f.policy.steward?.bounds.map(\.text) == ["±20%", "±10%", "-10%"])
        #expect(f.policy.risk == GovernancePolicy.RiskSettings(paths: 64, seed: 1, horizonSeconds: 172_800, stepSeconds: 3_600))
        #expect(f.policy.logPath == f.path("test-vault.log.json"))
    }

    @Test func aMissingKeyFileIsReportedAtItsName() throws {
        let (loaded, lines) = try Self.load(replacing: "keys/bob.pub", with: "keys/dave.pub")
        Self.expectOne(loaded, .io, at: Self.position(of: "keys/dave.pub", in: lines), containing: "bob's key file keys/dave.pub does not exist")
    }

    @Test func aKeyOfAnotherTypeIsRefusedByName() throws {
        let (rsa, lines) = try Self.load(replacing: "keys/carol.pub", with: "keys/rsa.pub")
        Self.expectOne(rsa, .type, at: Self.position(of: "keys/rsa.pub", in: lines), containing: "not an Ed25519 public key")
        let (priv, lines2) = try Self.load(replacing: "keys/carol.pub", with: "keys/carol.pem")
        Self.expectOne(priv, .type, at: Self.position(of: "keys/carol.pem", in: lines2), containing: "holds a private key, not a public key")
    }

    @Test func aThresholdAboveTheSignersOrBelowOneIsRefused() throws {
        let (above, lines) = try Self.load(replacing: "threshold: 2", with: "threshold: 4")
        Self.expectOne(above, .inconsistent, at: Self.position(of: "4", in: lines.map { $0.hasPrefix("threshold") ? $0 : "" }),
                       containing: "`threshold` is 4 but the policy has 3 signers")
        let (zero, lines2) = try Self.load(replacing: "threshold: 2", with: "threshold: 0")
        Self.expectOne(zero, .range, at: Self.position(of: "0", in: lines2.map { $0.hasPrefix("threshold") ? $0 : "" }),
                       containing: "at least 1")
    }

    @Test func aBoundOnAParameterThePlanFormatDoesNotHaveIsRefused() throws {
        let (loaded, lines) = try Self.load(replacing: "hedge.delta.band: ±20%", with: "hedge.delta.bandwidth: ±20%")
        Self.expectOne(loaded, .unresolvedReference, at: Self.position(of: "hedge.delta.bandwidth", in: lines),
                       containing: "`hedge.delta.bandwidth` is not a parameter of the plan format; did you mean `hedge.delta.band`?")
        let (badBound, lines2) = try Self.load(replacing: "risk.max_loss: -10%", with: "risk.max_loss: 10")
        Self.expectOne(badBound, .type, at: Self.position(of: "10", in: lines2.map { $0.contains("risk.max_loss") ? $0 : "" }),
                       containing: "must be ±N% (either way), -N% (only down) or +N% (only up)")
    }

    @Test func aMalformedDurationIsRefused() throws {
        let (loaded, lines) = try Self.load(replacing: "timelock: 48h", with: "timelock: 48 hours")
        Self.expectOne(loaded, .type, at: Self.position(of: "48 hours", in: lines), containing: "`timelock` must be a duration like 30s, 5m, 1h, 7d or 1y")
        let (step, lines2) = try Self.load(replacing: "step: 1h", with: "step: 1hr")
        Self.expectOne(step, .type, at: Self.position(of: "1hr", in: lines2), containing: "`stress.step` must be a duration")
    }

    @Test func anUnknownKeyGetsAHint() throws {
        let (loaded, lines) = try Self.load(replacing: "timelock: 48h", with: "timelok: 48h")
        Self.expectOne(loaded, .unknownKey, at: Self.position(of: "timelok", in: lines), containing: "unknown key `timelok` at the top level of a policy; did you mean `timelock`?")
        let (nested, lines2) = try Self.load(replacing: "every: 3d", with: "evry: 3d")
        Self.expectOne(nested, .unknownKey, at: Self.position(of: "evry", in: lines2), containing: "in `steward`; did you mean `every`?")
    }

    @Test func aMissingPolicyFileIsAnIOFailure() {
        let loaded = GovernancePolicyReader.load(path: "/nonexistent/policy.yaml")
        #expect(loaded.isIOFailure)
        #expect(loaded.diagnostics.first?.rule == .io)
    }
}
