import Crypto
import Foundation
import PlanFormat

/// What a journal must match before `--resume` may continue it: the plan (by the SHA-256
/// of its canonical bytes, `PlanCoding.encode`) and the feed spec exactly as given.
///
/// The feed's contents are not hashed (a CSV can be gigabytes): a changed file shows up
/// instead as a divergence during the verified replay, or as a feed that ends too early.
public struct RunIdentity: Equatable, Sendable {
    /// Lowercase hex SHA-256 of the plan's canonical JSON.
    public var planSHA256: String
    /// The `--feed` argument.
    public var feed: String

    public init(planSHA256: String, feed: String) {
        self.planSHA256 = planSHA256
        self.feed = feed
    }

    public init(plan: HedgingPlan, feed: String) {
        self.init(planSHA256: Self.sha256(PlanCoding.encode(plan)), feed: feed)
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
