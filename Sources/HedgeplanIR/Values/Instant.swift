import Foundation
import HedgeplanTime

/// A point in time, UTC, to the second: `2026-12-25T08:00:00Z`.
public struct Instant: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    public init(_ date: Date) { self.secondsSinceEpoch = Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// The instant that holds `ms` milliseconds since the epoch, cut down to its second.
    public init(epochMilliseconds ms: Int64) {
        secondsSinceEpoch = EpochMilliseconds.floorDivide(ms, EpochMilliseconds.perSecond)
    }

    /// Milliseconds since the epoch, the unit of feeds and plans.
    public var epochMilliseconds: Int64 { secondsSinceEpoch * EpochMilliseconds.perSecond }

    public static func < (a: Instant, b: Instant) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }

    public func adding(_ duration: TimeSpan) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + Int64(duration.seconds.rounded()))
    }

    /// Seconds from `self` to `later` (negative when `later` is earlier).
    public func seconds(until later: Instant) -> Int64 { later.secondsSinceEpoch - secondsSinceEpoch }

    /// Parses ISO 8601 `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; a space may stand for `T`
    /// (`ISO8601Grammar.strategy`). Fractions of a second are dropped. Returns nil for
    /// anything else, including dates that do not exist (2026-02-30) and leap seconds.
    public init?(iso8601 text: String) {
        guard let ms = ISO8601.parse(text, grammar: .strategy) else { return nil }
        self.init(epochMilliseconds: ms)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var description: String { ISO8601.format(epochSeconds: secondsSinceEpoch) }

    /// The calendar day this instant falls on (UTC).
    public var civilDate: CivilDate { CivilDate(daysSinceEpoch: EpochMilliseconds.floorDivide(secondsSinceEpoch, 86_400)) }
}
