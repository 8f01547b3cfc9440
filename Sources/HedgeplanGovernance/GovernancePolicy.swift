import Foundation

/// Who may change a plan, and how: the signers and their Ed25519 keys, the approvals a
/// change needs, the delays, the steward's bounded small changes, the stress settings of the
/// risk figure every proposal carries, and where the activation log is. Read from YAML by
/// `GovernancePolicyReader`, with every problem located.
public struct GovernancePolicy: Sendable {
    public struct Signer: Sendable, Equatable {
        public var name: String
        public var key: SignerKey.Public
    }

    /// Small changes: fewer approvals, a shorter delay, a rate limit, and only inside bounds.
    public struct Steward: Sendable {
        public var approvals: Int
        /// Seconds from the last needed approval to the earliest activation.
        public var delaySeconds: Int64
        /// At most one steward change per this many seconds (between activations).
        public var everySeconds: Int64
        public var bounds: [ParameterBound]
    }

    /// The `stress` settings of a proposal's risk figure; the price model is each plan's own.
    public struct RiskSettings: Sendable, Equatable, Codable {
        public var paths: Int
        public var seed: UInt64
        /// Seconds.
        public var horizonSeconds: Int64
        /// Seconds.
        public var stepSeconds: Int64

        public init(paths: Int, seed: UInt64, horizonSeconds: Int64, stepSeconds: Int64) {
            self.paths = paths
            self.seed = seed
            self.horizonSeconds = horizonSeconds
            self.stepSeconds = stepSeconds
        }
    }

    /// The `governance:` name: proposals and log entries carry it.
    public var name: String
    public var signers: [Signer]
    /// Approvals for a full change.
    public var threshold: Int
    /// Seconds from the last needed approval of a full change to its earliest activation.
    public var timelockSeconds: Int64
    /// Seconds from the last needed approval after which an unactivated proposal expires.
    public var graceSeconds: Int64
    public var steward: Steward?
    public var risk: RiskSettings
    /// The activation log's path, resolved against the policy file's folder.
    public var logPath: String

    public func signer(named name: String) -> Signer? { signers.first { $0.name == name } }

    /// Approvals needed for a change of this class.
    public func approvalsNeeded(for changeClass: ChangeClass) -> Int {
        changeClass == .steward ? (steward?.approvals ?? threshold) : threshold
    }

    /// Seconds from the last needed approval to the earliest activation, for this class.
    public func delaySeconds(for changeClass: ChangeClass) -> Int64 {
        changeClass == .steward ? (steward?.delaySeconds ?? timelockSeconds) : timelockSeconds
    }
}

/// A change's class: `steward` when every changed parameter is inside its bound, `full`
/// otherwise (a parameter with no bound included).
public enum ChangeClass: String, Codable, Sendable {
    case steward
    case full
}
