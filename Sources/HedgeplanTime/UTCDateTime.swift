/// A calendar date and time of day in UTC, to the millisecond, converted from and to
/// milliseconds since 1970-01-01T00:00:00Z (Unix time: every day has 86,400 seconds, so
/// there are no leap seconds).
public struct UTCDateTime: Sendable, Hashable {
    public var year: Int
    /// 1...12
    public var month: Int
    /// 1...31
    public var day: Int
    /// 0...23
    public var hour: Int
    /// 0...59
    public var minute: Int
    /// 0...59
    public var second: Int
    /// 0...999
    public var millisecond: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                millisecond: Int = 0) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second, self.millisecond) = (hour, minute, second, millisecond)
    }

    /// The date and time of an instant given in milliseconds since the epoch.
    public init(epochMilliseconds ms: Int64) {
        let (days, msOfDay) = EpochMilliseconds.split(ms)
        let date = CivilDate(daysSinceEpoch: days)
        (year, month, day) = (date.year, date.month, date.day)
        hour = Int(msOfDay / EpochMilliseconds.perHour)
        minute = Int(msOfDay / EpochMilliseconds.perMinute % 60)
        second = Int(msOfDay / EpochMilliseconds.perSecond % 60)
        millisecond = Int(msOfDay % 1_000)
    }

    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var epochMilliseconds: Int64 {
        let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
        return days * EpochMilliseconds.perDay + Int64(hour) * EpochMilliseconds.perHour
            + Int64(minute) * EpochMilliseconds.perMinute + Int64(second) * EpochMilliseconds.perSecond
            + Int64(millisecond)
    }

    public var date: CivilDate { CivilDate(year: year, month: month, day: day) }
}

/// Instants as `Int64` milliseconds since 1970-01-01T00:00:00Z (UTC, no leap seconds), the
/// unit feeds, plans and the runtime carry; and the unit conversions every module needs.
public enum EpochMilliseconds {
    public static let perSecond: Int64 = 1_000
    public static let perMinute: Int64 = 60_000
    public static let perHour: Int64 = 3_600_000
    public static let perDay: Int64 = 86_400_000

    /// The day (since 1970-01-01, floored, so negative before it) and the milliseconds into
    /// that day (0 ..< 86,400,000) of `ms`.
    @inlinable
    public static func split(_ ms: Int64) -> (days: Int64, millisecondOfDay: Int64) {
        let days = floorDivide(ms, perDay)
        return (days, ms - days * perDay)
    }

    /// `a / b` rounded towards minus infinity (b > 0): `floorDivide(-1, 1000) == -1`.
    @inlinable
    public static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// `ms` cut down to a whole second (towards the past).
    @inlinable
    public static func wholeSecond(_ ms: Int64) -> Int64 { floorDivide(ms, perSecond) * perSecond }
}
