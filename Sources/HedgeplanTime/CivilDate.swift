/// A day of the proleptic Gregorian calendar (the Gregorian rules extended backwards, as
/// ISO 8601 and Python's `datetime.date` use), converted from and to a count of days since
/// 1970-01-01 with Howard Hinnant's `days_from_civil` / `civil_from_days`
/// (https://howardhinnant.github.io/date_algorithms.html). Exact for every `Int64` day count
/// whose year fits in an `Int`; no Foundation, no time zones.
public struct CivilDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1...12
    public var month: Int
    /// 1...31
    public var day: Int

    /// A date as given, unchecked: `CivilDate(year: 2026, month: 2, day: 30)` normalises to
    /// March 2 through `daysSinceEpoch`. Use `init?(validYear:month:day:)` for user input.
    @inlinable
    public init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// A date that exists (month 1...12, day within the month); nil otherwise (2026-02-29).
    @inlinable
    public init?(validYear year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date `days` days after 1970-01-01 (before it when negative).
    public init(daysSinceEpoch days: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // 0 = March ... 11 = February
        day = Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
        month = Int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9)
        year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
    }

    /// Days from 1970-01-01 to this date (negative before it).
    @inlinable
    public var daysSinceEpoch: Int64 { Self.daysSinceEpoch(year: year, month: month, day: day) }

    /// Days from 1970-01-01 to `year-month-day` (Hinnant's `days_from_civil`).
    @inlinable
    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * Int64(month > 2 ? month - 3 : month + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whether `year` has a February 29th (divisible by 4, centuries only by 400).
    @inlinable
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days in `month` (1...12) of `year`: 28 to 31.
    @inlinable
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days in this date's month.
    public var daysInMonth: Int { Self.daysIn(month: month, year: year) }

    /// 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday).
    public var weekday: Int { Int(((daysSinceEpoch % 7) + 11) % 7) }

    public static let sunday = 0, monday = 1, friday = 5

    /// English weekday names, Sunday first, indexed by `weekday`.
    public static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// English month abbreviations, January first, indexed by `month - 1`.
    public static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public var weekdayName: String { Self.weekdayNames[weekday] }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    /// `2026-12-25`; years outside 0...9999 as `-0001-...` and `10000-...` (ISO 8601's
    /// expanded form without the leading `+`).
    public var description: String {
        let yearText = year < 0 ? "-" + ZeroPadded.text(-year, width: 4) : ZeroPadded.text(year, width: 4)
        return "\(yearText)-\(ZeroPadded.text(month))-\(ZeroPadded.text(day))"
    }
}

/// Zero-padded decimal text for the fields of dates and times (`08`, `0042`).
public enum ZeroPadded {
    /// `value` (>= 0) with leading zeros to `width` digits; wider values are written in full.
    public static func text(_ value: some BinaryInteger, width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
