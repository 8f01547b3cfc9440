/// ISO 8601 timestamps in UTC: parsing to and formatting from `EpochMilliseconds`.
///
/// One parser serves two grammars. The strategy language (`ISO8601Grammar.strategy`) wants
/// a full, unambiguous instant: `2026-12-25T08:00:00Z`, `2026-11-27T10:00:00+02:00`, a
/// space for the `T`, and an optional fraction of a second. Price feeds
/// (`ISO8601Grammar.feed`) take what exchanges and spreadsheets write: no zone (UTC),
/// `UTC`/`GMT`, `+0200`, `+02`, lower-case `t`/`z`, `,` fractions, no seconds, a bare date.
///
/// Both refuse dates that do not exist (2023-02-29), hours past 23, leap seconds (`:60`:
/// Unix time has none), zone offsets past ±23:59, negative or five-digit years, and
/// anything after the timestamp. Fractions are truncated to the millisecond.
public enum ISO8601 {
    /// Milliseconds since the epoch of `text` in `grammar`; nil when it is not such a timestamp.
    public static func parse(_ text: String, grammar: ISO8601Grammar) -> Int64? {
        var text = text
        return text.withUTF8 { b -> Int64? in
            guard let base = b.baseAddress else { return nil }
            return parse(base, base + b.count, grammar: grammar)
        }
    }

    /// Parses the whole of the bytes [start, end) (no surrounding spaces); no allocation, for
    /// the feeds' row scanner (inlinable, so a constant grammar folds away in the caller).
    @inlinable
    public static func parse(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, grammar: ISO8601Grammar) -> Int64? {
        guard end - start >= 10, let y0 = twoDigits(start), let y1 = twoDigits(start + 2),
              start[4] == hyphen, let month = twoDigits(start + 5),
              start[7] == hyphen, let day = twoDigits(start + 8),
              let date = CivilDate(validYear: y0 * 100 + y1, month: month, day: day)
        else { return nil }
        var ms = date.daysSinceEpoch * EpochMilliseconds.perDay
        var q = start + 10
        if q == end { return grammar.allowsDateOnly ? ms : nil }

        let separator = q.pointee
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: " ")
                || (grammar.allowsLenientSpelling && separator == UInt8(ascii: "t")) else { return nil }
        q += 1
        guard end - q >= 5, let hour = twoDigits(q), q[2] == colon, let minute = twoDigits(q + 3),
              hour <= 23, minute <= 59 else { return nil }
        q += 5
        var second = 0, fraction = 0
        if q < end && q.pointee == colon {
            guard end - q >= 3, let s = twoDigits(q + 1), s <= 59 else { return nil }
            second = s
            q += 3
            if q < end && (q.pointee == UInt8(ascii: ".") || (grammar.allowsLenientSpelling && q.pointee == UInt8(ascii: ","))) {
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
        } else if !grammar.allowsDateOnly {
            return nil
        }
        ms += Int64(hour) * EpochMilliseconds.perHour + Int64(minute) * EpochMilliseconds.perMinute
            + Int64(second) * EpochMilliseconds.perSecond + Int64(fraction)
        return zoned(ms, q, end, grammar)
    }

    /// `ms` (local time) shifted to UTC by the zone designator in [q, end).
    @inlinable
    static func zoned(_ ms: Int64, _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ grammar: ISO8601Grammar) -> Int64? {
        var q = start
        if grammar.allowsLenientSpelling { while q < end && q.pointee == UInt8(ascii: " ") { q += 1 } }
        if q == end { return grammar.allowsMissingZone ? ms : nil }
        let c = q.pointee
        if c == UInt8(ascii: "Z") || (grammar.allowsLenientSpelling && c == UInt8(ascii: "z")) {
            return q + 1 == end ? ms : nil
        }
        if c == UInt8(ascii: "+") || c == hyphen {
            q += 1
            guard end - q >= 2, let hours = twoDigits(q), hours <= 23 else { return nil }
            q += 2
            var minutes = 0
            if grammar.allowsLenientSpelling {
                if q < end && q.pointee == colon { q += 1 }
                if q < end {
                    guard end - q == 2, let m = twoDigits(q), m <= 59 else { return nil }
                    minutes = m
                }
            } else {
                guard end - q == 3, q.pointee == colon, let m = twoDigits(q + 1), m <= 59 else { return nil }
                minutes = m
            }
            let offset = Int64(hours) * EpochMilliseconds.perHour + Int64(minutes) * EpochMilliseconds.perMinute
            // Local time = UTC + offset, so UTC = local - offset.
            return c == UInt8(ascii: "+") ? ms - offset : ms + offset
        }
        if grammar.allowsLenientSpelling && end - q == 3 {
            let a = q[0] | 0x20, b = q[1] | 0x20, d = q[2] | 0x20
            if (a == UInt8(ascii: "u") && b == UInt8(ascii: "t") && d == UInt8(ascii: "c"))
                || (a == UInt8(ascii: "g") && b == UInt8(ascii: "m") && d == UInt8(ascii: "t")) { return ms }
        }
        return nil
    }

    /// `2024-01-01T00:00:00Z`, with `.mmm` when the milliseconds are not zero. Years outside
    /// 0...9999 are written as `CivilDate` writes them (the parser refuses them).
    public static func format(epochMilliseconds ms: Int64) -> String {
        let (days, msOfDay) = EpochMilliseconds.split(ms)
        return format(days: days, millisecondOfDay: msOfDay)
    }

    /// `2024-01-01T00:00:00Z` for a whole number of seconds since the epoch (any `Int64`:
    /// no multiplication to milliseconds that could overflow).
    public static func format(epochSeconds s: Int64) -> String {
        let days = EpochMilliseconds.floorDivide(s, 86_400)
        return format(days: days, millisecondOfDay: (s - days * 86_400) * 1_000)
    }

    private static func format(days: Int64, millisecondOfDay msOfDay: Int64) -> String {
        let hour = msOfDay / EpochMilliseconds.perHour
        let minute = msOfDay / EpochMilliseconds.perMinute % 60
        let second = msOfDay / EpochMilliseconds.perSecond % 60
        var text = "\(CivilDate(daysSinceEpoch: days))T\(ZeroPadded.text(hour)):\(ZeroPadded.text(minute)):\(ZeroPadded.text(second))"
        if msOfDay % 1_000 != 0 { text += "." + ZeroPadded.text(msOfDay % 1_000, width: 3) }
        return text + "Z"
    }

    @usableFromInline static let hyphen = UInt8(ascii: "-")
    @usableFromInline static let colon = UInt8(ascii: ":")

    @inlinable @inline(__always)
    static func digit(_ p: UnsafePointer<UInt8>) -> Int? {
        let d = p.pointee &- 48
        return d <= 9 ? Int(d) : nil
    }

    @inlinable @inline(__always)
    static func twoDigits(_ p: UnsafePointer<UInt8>) -> Int? {
        let a = p.pointee &- 48, b = p[1] &- 48
        return a <= 9 && b <= 9 ? Int(a) * 10 + Int(b) : nil
    }
}

/// Which ISO 8601 spellings a parser accepts (see `ISO8601`): `.strategy` or `.feed`, or a
/// set of the permissions below. Everything is inlinable so that a constant grammar costs
/// nothing in the feeds' row loop.
public struct ISO8601Grammar: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `2024-01-01` (midnight) and `2024-01-01T08:00` (no seconds).
    @inlinable public static var dateOnly: ISO8601Grammar { ISO8601Grammar(rawValue: 1) }
    /// No zone designator means UTC.
    @inlinable public static var missingZone: ISO8601Grammar { ISO8601Grammar(rawValue: 2) }
    /// Lower-case `t` and `z`, `,` before the fraction, spaces before the zone, `UTC`/`GMT`,
    /// and offsets written `+0200` or `+02`.
    @inlinable public static var lenientSpelling: ISO8601Grammar { ISO8601Grammar(rawValue: 4) }

    /// The strategy language: `YYYY-MM-DD(T| )HH:MM:SS[.fff](Z|±HH:MM)`.
    @inlinable public static var strategy: ISO8601Grammar { [] }
    /// Price feeds: every form above.
    @inlinable public static var feed: ISO8601Grammar { [.dateOnly, .missingZone, .lenientSpelling] }

    @inlinable public var allowsDateOnly: Bool { contains(.dateOnly) }
    @inlinable public var allowsMissingZone: Bool { contains(.missingZone) }
    @inlinable public var allowsLenientSpelling: Bool { contains(.lenientSpelling) }
}
