import Foundation
import PlanFormat
import HedgeplanFormatting
import HedgeplanIR

/// `diff`'s output: one line per change in text, `{ "changes": [...] }` in JSON.
public enum PlanDiffText {
    public static func text(_ changes: [PlanChange]) -> String {
        guard !changes.isEmpty else { return "no parameter changed\n" }
        let width = changes.map(\.path.count).max() ?? 0
        return changes.map { change in
            let padded = change.path.padding(toLength: width, withPad: " ", startingAt: 0)
            let relative = change.relative.map { "  (\(percent($0)))" } ?? ""
            return "\(padded)  \(change.old) -> \(change.new)\(relative)\n"
        }.joined()
    }

    /// A relative change as a signed percent: `+50%`, `-12.5%`.
    static func percent(_ fraction: Double) -> String {
        let text = NumberFormat.fixed(fraction * 100, decimals: 4, trimZeros: true)
        return (fraction > 0 ? "+" : "") + text + "%"
    }

    public static func json(_ changes: [PlanChange]) -> String {
        String(decoding: CanonicalJSON.encode(Document(changes: changes.map(Row.init))), as: UTF8.self)
    }

    struct Document: Encodable { var changes: [Row] }

    /// A change with `relative: null` written out, as the design page lists the keys.
    struct Row: Encodable {
        var change: PlanChange
        init(_ change: PlanChange) { self.change = change }
        enum Keys: String, CodingKey { case path, old, new, relative }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(change.path, forKey: .path)
            try c.encode(change.old, forKey: .old)
            try c.encode(change.new, forKey: .new)
            if let r = change.relative { try c.encode(r == 0 ? 0 : r, forKey: .relative) } else { try c.encodeNil(forKey: .relative) }
        }
    }
}

/// What `propose` and `verify` print for people.
public enum GovernanceText {
    public static func summary(_ proposal: Proposal, policy: GovernancePolicy, written: String?) -> String {
        var out = "proposal \(proposal.canonicalHash.prefix(12))… for \(proposal.governance), sequence \(proposal.sequence), \(proposal.changeClass.rawValue) change"
        out += written.map { ", written to \($0)\n" } ?? "\n"
        for change in proposal.changes {
            let relative = change.relative.map { " (\(PlanDiffText.percent($0)))" } ?? ""
            let why = change.changeClass == .steward ? "inside \(change.bound ?? "its bound")" : (change.reason ?? "")
            out += "  \(change.changeClass.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(change.path): \(change.old) -> \(change.new)\(relative); \(why)\n"
        }
        let r = proposal.risk
        out += "  risk: hedged ES99 \(quote(r.es99Current)) -> \(quote(r.es99Proposed)) (\(signed(r.deltaEs99))), \(NumberFormat.grouped(r.paths)) paths, seed \(r.seed), horizon \(span(r.horizonSeconds)), step \(span(r.stepSeconds))\n"
        let needed = policy.approvalsNeeded(for: proposal.changeClass)
        out += "  needs \(needed) approval\(needed == 1 ? "" : "s") from \(policy.signers.map(\.name).joined(separator: ", ")); then \(span(policy.delaySeconds(for: proposal.changeClass))) before activation\n"
        return out
    }

    public static func report(_ report: VerificationReport, proposal: Proposal) -> String {
        var out = "proposal \(proposal.canonicalHash.prefix(12))… (\(proposal.governance), sequence \(proposal.sequence), \(proposal.changeClass.rawValue) change)\n"
        for finding in report.findings {
            let mark = switch finding.kind {
            case .holds: "ok  "
            case .fails: "FAIL"
            case .pending: "wait"
            }
            out += "  \(mark)  \(finding.text) [\(finding.rule)]\n"
        }
        out += report.isSound ? "the proposal holds\n" : "the proposal does NOT hold\n"
        return out
    }

    static func quote(_ v: Double) -> String { NumberFormat.fixed(v, decimals: 2) }
    static func signed(_ v: Double) -> String { (v > 0 ? "+" : "") + NumberFormat.fixed(v, decimals: 2) }
    /// Seconds as the language writes durations: `48h` is `2d`, `6h`.
    static func span(_ seconds: Int64) -> String { HedgeplanIR.TimeSpan(seconds: Double(seconds)).description }
}
