import HedgeplanTime

/// ISO 8601 text of a timestamp, for messages and reports (not on the hot path).
public enum TimestampFormatter {
    /// `2024-01-01T00:00:00Z`, with `.mmm` when the milliseconds are not zero.
    public static func iso8601(_ milliseconds: Int64) -> String {
        ISO8601.format(epochMilliseconds: milliseconds)
    }

    /// `1h`, `5m`, `30s`, `1d`, `250ms`, or `1h30m` style for messages.
    public static func duration(_ milliseconds: Int64) -> String {
        if milliseconds % EpochMilliseconds.perDay == 0 { return "\(milliseconds / EpochMilliseconds.perDay)d" }
        if milliseconds % EpochMilliseconds.perHour == 0 { return "\(milliseconds / EpochMilliseconds.perHour)h" }
        if milliseconds % EpochMilliseconds.perMinute == 0 { return "\(milliseconds / EpochMilliseconds.perMinute)m" }
        if milliseconds % EpochMilliseconds.perSecond == 0 { return "\(milliseconds / EpochMilliseconds.perSecond)s" }
        return "\(milliseconds)ms"
    }
}
