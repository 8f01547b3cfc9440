import Foundation
import PlanFormat

/// The append-only, hash-chained record of every activation under one policy. Each entry
/// names the plan it activated, the proposal, when, the class of change, and the hash of
/// the entry before it; its own hash covers all of that. The last entry is the head: the
/// one plan allowed to run. Reading a log checks the whole chain, so an edited, removed or
/// reordered entry is found.
public struct ActivationLog: Codable, Equatable, Sendable {
    public static let formatName = "hedgeplan.activation-log"
    public static let currentVersion = 1
    /// The `previous_sha256` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    public struct Entry: Codable, Equatable, Sendable {
        public var sequence: Int
        /// SHA-256 (hex) of the activated plan's canonical bytes without its activation record.
        public var planSha256: String
        /// SHA-256 (hex) of the whole plan file `activate` wrote (activation record included).
        public var activatedFileSha256: String
        public var proposalSha256: String
        /// ISO 8601 UTC.
        public var activatedAt: String
        public var changeClass: ChangeClass
        public var previousSha256: String
        /// SHA-256 (hex) of this entry's canonical bytes with this field empty.
        public var entrySha256: String

        /// The hash this entry should carry.
        public var computedHash: String {
            var bare = self
            bare.entrySha256 = ""
            return CanonicalHash.sha256Hex(CanonicalJSON.encode(bare))
        }
    }

    public var format: String
    public var version: Int
    public var governance: String
    public var entries: [Entry]

    public init(governance: String) {
        format = Self.formatName
        version = Self.currentVersion
        self.governance = governance
        entries = []
    }

    public var head: Entry? { entries.last }

    /// The entry that activated `proposal`, if the log holds one (`activate` is run once per
    /// proposal; `verify` audits an activated proposal as such).
    public func entry(activating proposal: Proposal) -> Entry? {
        entries.first { $0.proposalSha256 == proposal.canonicalHash }
    }

    /// `as sequence N at T: ` and whether its plan still runs (the head is sequence
    /// `headSequence`): how `activate` and `verify` speak of an activated proposal.
    static func activationHistory(sequence: Int, at: String, headSequence: Int) -> String {
        let since = headSequence == sequence ? "its plan is the running plan" : "sequence \(headSequence) has replaced it since"
        return "as sequence \(sequence) at \(at): \(since)"
    }

    /// Why a log file cannot be trusted.
    public struct Damage: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads a log and checks its chain; `nil` data (no file yet) is an empty log.
    public static func read(_ data: Data?, governance: String) throws(Damage) -> ActivationLog {
        guard let data else { return ActivationLog(governance: governance) }
        let log: ActivationLog
        do {
            log = try CanonicalJSON.decoder().decode(ActivationLog.self, from: data)
        } catch {
            throw Damage(description: "not an activation log (the JSON file `hedgeplan activate` writes)")
        }
        guard log.format == formatName, log.version == currentVersion else {
            throw Damage(description: "not an activation log: format \"\(log.format)\" version \(log.version)")
        }
        guard log.governance == governance else {
            throw Damage(description: "the log is governance \"\(log.governance)\"'s, not \"\(governance)\"'s")
        }
        var previous = genesis
        for (i, entry) in log.entries.enumerated() {
            guard entry.sequence == i + 1 else {
                throw Damage(description: "entry \(i + 1) has sequence \(entry.sequence): the log was edited")
            }
            guard entry.previousSha256 == previous else {
                throw Damage(description: "entry \(entry.sequence) does not chain to the entry before it: the log was edited")
            }
            guard entry.entrySha256 == entry.computedHash else {
                throw Damage(description: "entry \(entry.sequence) does not match its hash: the log was edited")
            }
            previous = entry.entrySha256
        }
        return log
    }

    /// The log with one more entry, chained to the head.
    public func appending(planSha256: String, activatedFileSha256: String, proposalSha256: String, activatedAt: String,
                          changeClass: ChangeClass) -> ActivationLog {
        var entry = Entry(sequence: entries.count + 1, planSha256: planSha256, activatedFileSha256: activatedFileSha256,
                          proposalSha256: proposalSha256, activatedAt: activatedAt, changeClass: changeClass,
                          previousSha256: head?.entrySha256 ?? Self.genesis, entrySha256: "")
        entry.entrySha256 = entry.computedHash
        var log = self
        log.entries.append(entry)
        return log
    }

    public func encoded() -> Data { CanonicalJSON.encode(self) }
}
