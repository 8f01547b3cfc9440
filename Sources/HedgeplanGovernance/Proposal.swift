import Crypto
import Foundation
import PlanFormat

/// A proposed change of the running plan, as `propose` writes it and approvers sign it:
/// both plans in full (so that `verify` recomputes everything from the file alone), their
/// hashes, the classified diff, the sequence it takes in the log, the risk figure, the
/// signers' public keys, and the approvals so far.
///
/// Its canonical hash is the SHA-256 of its canonical JSON (keys sorted, two-space
/// indent, final newline) with `approvals` empty: adding an approval never changes what
/// the other approvers signed, and changing anything else does.
public struct Proposal: Codable, Equatable, Sendable {
    public static let formatName = "hedgeplan.proposal"
    public static let currentVersion = 1

    /// A named signer and the key it signs with, as the policy had it at proposal time.
    public struct SignerEntry: Codable, Equatable, Sendable {
        public var name: String
        /// The 32 raw Ed25519 public key bytes, base64.
        public var publicKey: String
    }

    public var format: String
    public var version: Int
    public var governance: String
    /// The log sequence this plan takes when activated: the head's plus one.
    public var sequence: Int
    /// ISO 8601 UTC, to the second.
    public var proposedAt: String
    /// SHA-256 (hex) of each plan's canonical bytes (`PlanCoding`, no activation record).
    public var currentSha256: String
    public var proposedSha256: String
    public var changeClass: ChangeClass
    public var changes: [ChangeClassifier.Classified]
    public var risk: RiskFigure
    public var signers: [SignerEntry]
    public var current: HedgingPlan
    public var proposed: HedgingPlan
    public var approvals: [Approval]

    public init(governance: String, sequence: Int, proposedAt: String, current: HedgingPlan, proposed: HedgingPlan,
                changes: [ChangeClassifier.Classified], risk: RiskFigure, signers: [SignerEntry]) {
        format = Self.formatName
        version = Self.currentVersion
        self.governance = governance
        self.sequence = sequence
        self.proposedAt = proposedAt
        self.current = current.withoutActivation
        self.proposed = proposed.withoutActivation
        currentSha256 = PlanHash.sha256(current)
        proposedSha256 = PlanHash.sha256(proposed)
        changeClass = ChangeClassifier.overall(changes)
        self.changes = changes
        self.risk = risk
        self.signers = signers
        approvals = []
    }

    /// The canonical bytes (approvals included as they are).
    public func encoded() -> Data { CanonicalJSON.encode(self) }

    /// The hash approvers sign: SHA-256 (hex) of the canonical bytes with no approvals.
    public var canonicalHash: String {
        var bare = self
        bare.approvals = []
        return CanonicalHash.sha256Hex(bare.encoded())
    }

    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case notJSON
        case notAProposal(String)
        public var description: String {
            switch self {
            case .notJSON: "not JSON (a proposal is the JSON object `hedgeplan propose` writes)"
            case .notAProposal(let why): "not a Hedgeplan proposal: \(why)"
            }
        }
    }

    public static func decode(_ data: Data) throws(Failure) -> Proposal {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw .notJSON }
        guard object["format"] as? String == formatName else { throw .notAProposal("`format` is not \"\(formatName)\"") }
        guard object["version"] as? Int == currentVersion else { throw .notAProposal("`version` is not \(currentVersion)") }
        var proposal: Proposal
        let decoder = CanonicalJSON.decoder()
        do {
            proposal = try decoder.decode(Proposal.self, from: data)
        } catch let error as DecodingError {
            throw .notAProposal(PlanProblem.located(error, decoding: Proposal.self, from: data, with: decoder)[0].description)
        } catch {
            throw .notAProposal("\(error)")
        }
        // A key the format does not define is refused, as in a plan: approvers sign what
        // `verify` shows, and a key it ignored would ride along unseen.
        let outside = object.filter { $0.key != "current" && $0.key != "proposed" }
        if let unknown = UnknownKeys.find(in: outside, decoded: proposal).first {
            throw .notAProposal(unknown.description)
        }
        // Both plans are read as strictly as a plan file (unknown keys, ranges, vocabularies):
        // they are run on the policy's paths and one of them may be activated.
        proposal.current = try strictPlan(object["current"], key: "current")
        proposal.proposed = try strictPlan(object["proposed"], key: "proposed")
        return proposal
    }

    static func strictPlan(_ value: Any?, key: String) throws(Failure) -> HedgingPlan {
        guard let value, JSONSerialization.isValidJSONObject(value), let data = try? JSONSerialization.data(withJSONObject: value) else {
            throw .notAProposal("$.\(key) is not a plan")
        }
        do {
            return try PlanCoding.decode(data)
        } catch {
            let problems = error.problems.prefix(3).map { "$.\(key)\($0.path.dropFirst()): \($0.message)" }
            throw .notAProposal("its \(key) plan is refused: " + problems.joined(separator: "; "))
        }
    }

}

/// Plan hashes: SHA-256 of the canonical plan bytes, without any activation record.
public enum PlanHash {
    public static func sha256(_ plan: HedgingPlan) -> String {
        CanonicalHash.sha256Hex(PlanCoding.encode(plan.withoutActivation))
    }
}

/// SHA-256 in lower-case hex, the spelling of every hash in governance files.
public enum CanonicalHash {
    public static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
