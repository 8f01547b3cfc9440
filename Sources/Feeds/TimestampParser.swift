/// Timestamps from raw bytes, by hand (no DateFormatter, no allocation), into milliseconds
/// since the Unix epoch, UTC.
///
/// Text forms (`parseText`):
/// - `2024-01-01T00:00:00Z`, `2024-01-01T02:00:00+02:00`, `+0200`, `+02`, lower-case `t`/`z`
/// - fractional seconds `2024-01-01T00:00:00.123Z` (`.` or `,`; digits past milliseconds
///   are truncated)
/// - `2024-01-01 00:00:00` (no zone: UTC), `2024-01-01 00:00:00 UTC`, `... GMT`
/// - `2024-01-01T00:00` (no seconds) and `2024-01-01` (midnight UTC)
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
        var text = text
        return text.withUTF8 { b -> Int64? in
            guard let base = b.baseAddress else { return nil }
            return parseText(base, base + b.count)
        }
    }

    @inline(__always)
    private static func digit(_ p: UnsafePointer<UInt8>) -> Int? {
        let d = p.pointee &- 48
        return d <= 9 ? Int(d) : nil
    }

    @inline(__always)
    private static func twoDigits(_ p: UnsafePointer<UInt8>) -> Int? {
        let a = p.pointee &- 48, b = p[1] &- 48
        return a <= 9 && b <= 9 ? Int(a) * 10 + Int(b) : nil
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    @inline(__always)
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    @inline(__always)
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses the whole of [start, end) (already trimmed of spaces) as a text timestamp.
    static func parseText(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Int64? {
        guard end - start >= 10 else { return nil }
        let p = start
        guard let y0 = twoDigits(p), let y1 = twoDigits(p + 2),
              p[4] == UInt8(ascii: "-"), let month = twoDigits(p + 5),
              p[7] == UInt8(ascii: "-"), let day = twoDigits(p + 8) else { return nil }
        let year = y0 * 100 + y1
        guard month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year: year, month: month) else { return nil }
        var ms = Int64(daysSinceEpoch(year: year, month: month, day: day)) * 86_400_000
        var q = p + 10
        if q == end { return ms }
        // Time of day.
        let sep = q.pointee
        guard sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || sep == UInt8(ascii: " ") else { return nil }
        q += 1
        guard end - q >= 5, let hour = twoDigits(q), q[2] == UInt8(ascii: ":"), let minute = twoDigits(q + 3),
              hour <= 23, minute <= 59 else { return nil }
        q += 5
        var second = 0
        var fraction = 0
        if q < end && q.pointee == UInt8(ascii: ":") {
            guard end - q >= 3, let s = twoDigits(q + 1), s <= 60 else { return nil }
            second = s
            q += 3
            if q < end && (q.pointee == UInt8(ascii: ".") || q.pointee == UInt8(ascii: ",")) {
                q += 1
                var count = 0
                while q < end, let d = digit(q) {
                    if count < 3 { fraction = fraction * 10 + d }
                    count += 1
                    q += 1
                }
                guard count > 0 else { return nil }
                while count < 3 { fraction *= 10; count += 1 }
            }
        }
        ms += Int64(hour * 3_600_000 + minute * 60_000 + second * 1_000 + fraction)
        // Zone: none (UTC), Z, +HH:MM, +HHMM, +HH, or UTC/GMT after optional spaces.
        while q < end && q.pointee == UInt8(ascii: " ") { q += 1 }
        if q == end { return ms }
        let c = q.pointee
        if c == UInt8(ascii: "Z") || c == UInt8(ascii: "z") {
            return q + 1 == end ? ms : nil
        }
        if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
            q += 1
            guard end - q >= 2, let oh = twoDigits(q), oh <= 23 else { return nil }
            q += 2
            var om = 0
            if q < end && q.pointee == UInt8(ascii: ":") { q += 1 }
            if q < end {
                guard end - q == 2, let m = twoDigits(q), m <= 59 else { return nil }
                om = m
                q += 2
            }
            let offset = Int64(oh * 3_600_000 + om * 60_000)
            // Local time = UTC + offset, so UTC = local - offset.
            return c == UInt8(ascii: "+") ? ms - offset : ms + offset
        }
        if end - q == 3 {
            let a = q[0] | 0x20, b = q[1] | 0x20, d = q[2] | 0x20
            if (a == UInt8(ascii: "u") && b == UInt8(ascii: "t") && d == UInt8(ascii: "c"))
                || (a == UInt8(ascii: "g") && b == UInt8(ascii: "m") && d == UInt8(ascii: "t")) { return ms }
        }
        return nil
    }
}
