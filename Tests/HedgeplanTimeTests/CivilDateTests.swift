import Testing
import HedgeplanTime

/// Civil dates against Python's `datetime.date`: `(d - date(1970, 1, 1)).days` and
/// `d.isoweekday() % 7` (0 = Sunday), computed independently of this code.
@Suite struct CivilDateTests {
    static let known: [(year: Int, month: Int, day: Int, days: Int64, weekday: Int)] = [
        (1970, 1, 1, 0, 4),
        (1969, 12, 31, -1, 3),
        (2000, 2, 29, 11_016, 2),
        (9999, 12, 31, 2_932_896, 5),
        (1, 1, 1, -719_162, 1),
        (1900, 3, 1, -25_508, 4),
        (2100, 2, 28, 47_540, 0),
        (2024, 3, 1, 19_783, 5),
        (2026, 12, 25, 20_812, 5),
    ]

    @Test(arguments: known)
    func daysAndWeekdays(_ c: (year: Int, month: Int, day: Int, days: Int64, weekday: Int)) {
        #expect(CivilDate.daysSinceEpoch(year: c.year, month: c.month, day: c.day) == c.days)
        #expect(CivilDate(daysSinceEpoch: c.days) == CivilDate(year: c.year, month: c.month, day: c.day))
        #expect(CivilDate(daysSinceEpoch: c.days).weekday == c.weekday)
    }

    /// Every day over ±2,190 years maps back to itself and follows its predecessor.
    @Test func everyDayRoundTrips() {
        var previous = CivilDate(daysSinceEpoch: -800_000)
        for day in Int64(-799_999)...800_000 {
            let date = CivilDate(daysSinceEpoch: day)
            #expect(date.daysSinceEpoch == day)
            if date.day != 1 {
                #expect(date.day == previous.day + 1 && date.month == previous.month)
            } else {
                #expect(previous.day == previous.daysInMonth)
            }
            previous = date
        }
    }

    @Test func leapYears() {
        #expect(CivilDate.isLeapYear(2000) && CivilDate.isLeapYear(2024) && CivilDate.isLeapYear(1600))
        #expect(!CivilDate.isLeapYear(1900) && !CivilDate.isLeapYear(2100) && !CivilDate.isLeapYear(2023))
        #expect(CivilDate.daysIn(month: 2, year: 2000) == 29 && CivilDate.daysIn(month: 2, year: 1900) == 28)
    }

    @Test func onlyExistingDatesAreValid() {
        #expect(CivilDate(validYear: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(validYear: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(validYear: 2024, month: 4, day: 31) == nil)
        #expect(CivilDate(validYear: 2024, month: 13, day: 1) == nil)
        #expect(CivilDate(validYear: 2024, month: 0, day: 1) == nil)
        #expect(CivilDate(validYear: 2024, month: 1, day: 0) == nil)
    }

    @Test func text() {
        #expect(CivilDate(year: 2026, month: 12, day: 5).description == "2026-12-05")
        #expect(CivilDate(year: 33, month: 1, day: 1).description == "0033-01-01")
        #expect(CivilDate(year: -1, month: 1, day: 1).description == "-0001-01-01")
        #expect(CivilDate(daysSinceEpoch: 20_812).weekdayName == "Friday")
    }

    /// Every day from 1900 to 2200 agrees with a naive count from 1900-01-01, which is
    /// day -25,567 (Python: `(date(1900, 1, 1) - date(1970, 1, 1)).days`).
    @Test func daysAgreeWithCounting() {
        var days: Int64 = -25_567
        for year in 1900...2200 {
            for month in 1...12 {
                for day in 1...CivilDate.daysIn(month: month, year: year) {
                    #expect(CivilDate.daysSinceEpoch(year: year, month: month, day: day) == days)
                    days += 1
                }
            }
        }
    }
}
