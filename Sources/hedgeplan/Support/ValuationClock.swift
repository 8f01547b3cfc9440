import ArgumentParser
import Foundation
import HedgeplanIR

/// The valuation clock: the current time, or `HEDGEPLAN_NOW` (an ISO 8601 instant) for
/// reproducible runs and tests.
enum ValuationClock {
    static func now() throws -> Instant {
        guard let pinned = ProcessInfo.processInfo.environment["HEDGEPLAN_NOW"] else { return Instant(Date()) }
        guard let instant = Instant(iso8601: pinned) else {
            throw ValidationError("HEDGEPLAN_NOW must be an ISO 8601 instant like 2026-11-27T08:00:00Z, found \(pinned)")
        }
        return instant
    }

    /// How a summary names where `now()` came from: "the current time", or HEDGEPLAN_NOW.
    static var source: String {
        ProcessInfo.processInfo.environment["HEDGEPLAN_NOW"] == nil ? "the current time" : "HEDGEPLAN_NOW"
    }
}
