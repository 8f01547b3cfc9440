import HedgeplanTime

/// Timestamps from raw bytes, by hand (no DateFormatter, no allocation), into milliseconds
/// since the Unix epoch, UTC.
///
/// Text forms (`parseText`):
/// - `2024-01-01T00:00:00Z`, `2024-01-01T02:00:00+02:00`, `+0200`, `+02`, lower-case `t`/`z`
/// - fractional seconds `2024-01-01T00:00:00.123Z` (`.` or `,`; digits past milliseconds
///   are truncated)
/// - `2024-01-01 00:00:00` (no zone: UTC), `2024-01-01 00:00:00 UTC`, `... GMT`
/// - `2024-01-01T00:00` (no seconds) and `2024-01-01` (midnight UTC)
/// (the grammar and arithmetic live in `HedgeplanTime.ISO8601`; leap seconds are refused)
///
/// Epoch forms (`EpochUnit`): integer seconds, milliseconds, microseconds or nanoseconds,
/// told apart by magnitude; a CSV file decides once, from its first data row.
public enum TimestampParser {
    /// The unit of an epoch timestamp column.
    public enum EpochUnit: Int, Sendable, CustomStringConvertible {
        case seconds, milliseconds, microseconds, nanoseconds

        /// The unit a value of this magnitude most plausibly has: below 1e11 it is seconds
        /// (1e11 s is the year 5138), below 1e14 milliseconds (1e11 ms is 1973), below 1e17
        /// microseconds, else nanoseconds.
        public static func guess(forMagnitude value: Int64) -> EpochUnit {
            if value < 100_000_000_000 { return .seconds }
            if value < 100_000_000_000_000 { return .milliseconds }
            if value < 100_000_000_000_000_000 { return .microseconds }
            return .nanoseconds
        }

        /// Integer digits accepted in this unit (seconds: up to 12, the year 33658), so that
        /// conversion to milliseconds cannot overflow.
        var maximumDigits: Int { self == .seconds ? 12 : self == .milliseconds ? 15 : 18 }

        public var description: String {
            switch self {
            case .seconds: "seconds"
            case .milliseconds: "milliseconds"
            case .microseconds: "microseconds"
            case .nanoseconds: "nanoseconds"
            }
        }
    }

    /// Epoch value (integer part and fraction in ms, as `NumberParser.parseEpoch` gives) in `unit`,
    /// to milliseconds. Fractions count only for seconds.
    @inline(__always)
    static func milliseconds(integer: Int64, fractionMilliseconds: Int64, unit: EpochUnit) -> Int64 {
        switch unit {
        case .seconds: return integer &* 1_000 &+ fractionMilliseconds
        case .milliseconds: return integer
        case .microseconds: return integer / 1_000
        case .nanoseconds: return integer / 1_000_000
        }
    }

    /// Parses an epoch timestamp in the given unit from a string (for tests and specs).
    public static func parseEpoch(_ text: String, unit: EpochUnit) -> Int64? {
        var text = text
        return text.withUTF8 { b -> Int64? in
            guard let base = b.baseAddress,
                  let v = NumberParser.parseEpoch(base, base + b.count) else { return nil }
            return milliseconds(integer: v.integer, fractionMilliseconds: v.fractionMilliseconds, unit: unit)
        }
    }

    /// Parses one of the text forms from a string; nil if it is none of them or out of range.
    public static func parseText(_ text: String) -> Int64? {
        ISO8601.parse(text, grammar: .feed)
    }

    /// Parses the whole of [start, end) (already trimmed of spaces) as a text timestamp
    /// (`ISO8601Grammar.feed`).
    @inline(__always)
    static func parseText(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Int64? {
        ISO8601.parse(start, end, grammar: .feed)
    }
}
