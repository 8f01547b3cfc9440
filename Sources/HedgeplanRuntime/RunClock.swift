import Feeds

/// Milliseconds since the epoch as ISO 8601 UTC, for notes and reports: the feeds' own
/// formatter, truncated to the second (run reports speak in whole seconds).
public enum RunClock {
    public static func iso(_ ms: Int64) -> String {
        TimestampFormatter.iso8601(ms >= 0 ? ms / 1000 * 1000 : (ms - 999) / 1000 * 1000)
    }
}
