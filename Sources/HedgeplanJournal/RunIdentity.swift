import Crypto
import Foundation
import PlanFormat

/// What a journal must match before `--resume` may continue it: the plan (by the SHA-256
/// of its canonical bytes, `PlanCoding.encode`), the feed spec exactly as given, and where
/// the run stops before the feed ends (`--max-ticks`, `--duration`): a finished journal's
/// stored result is for its own limits, and printing it for others was a silently wrong
/// answer (a 1,000-tick result for a resume that asked for the whole feed).
///
/// The feed's contents are not hashed (a CSV can be gigabytes): a changed file shows up
/// instead as a divergence during the verified replay, or as a feed that ends too early.
public struct RunIdentity: Equatable, Sendable {
    /// Lowercase hex SHA-256 of the plan's canonical JSON.
    public var planSHA256: String
    /// The `--feed` argument.
    public var feed: String
    /// The run's limits as the command line gave them, `--max-ticks` first (`""`: none,
    /// the run goes to the feed's end).
    public var limits: String

    public init(planSHA256: String, feed: String, limits: String = "") {
        self.planSHA256 = planSHA256
        self.feed = feed
        self.limits = limits
    }

    public init(plan: HedgingPlan, feed: String, limits: String = "") {
        self.init(planSHA256: Self.sha256(PlanCoding.encode(plan)), feed: feed, limits: limits)
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
