import Testing
@testable import HedgeplanCharts
import HedgeplanTime
import HedgeplanTestSupport

/// UTC calendar conversions and time ticks at calendar steps.
@Suite struct TimeScaleTests {
    static func ms(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0) -> Double {
        UTCDateTime(year: y, month: mo, day: d, hour: h, minute: mi).millisecondsSinceEpoch
    }

    // Expected values from Python's datetime with timezone.utc.
    static let dates: [(UTCDateTime, Double)] = [
        (UTCDateTime(year: 2024, month: 2, day: 29, hour: 12, minute: 34, second: 56, millisecond: 789), 1_709_210_096_789.0),
        (UTCDateTime(year: 1969, month: 12, day: 31, hour: 23), -3_600_000),
        (UTCDateTime(year: 2000, month: 3, day: 1), 951_868_800_000),
        (UTCDateTime(year: 1900, month: 1, day: 1), -2_208_988_800_000),
        (UTCDateTime(year: 1970, month: 1, day: 1), 0),
    ]

    @Test(arguments: dates)
    func civilDates(_ date: UTCDateTime, _ ms: Double) {
        #expect(date.millisecondsSinceEpoch == ms)
        #expect(UTCDateTime(millisecondsSinceEpoch: ms) == date)
    }

    @Test func weeksFallOnMondays() {
        let s = TimeScale(min: Self.ms(2024, 3, 1), max: Self.ms(2024, 3, 31), maxTicks: 6)
        #expect(s.step == TimeScale.Step(1, .week))
        #expect(s.ticks == [Self.ms(2024, 3, 4), Self.ms(2024, 3, 11), Self.ms(2024, 3, 18), Self.ms(2024, 3, 25)])
        #expect(s.ticks.map(s.label) == ["Mar 4", "Mar 11", "Mar 18", "Mar 25"])
        #expect(s.yearSpan == "2024" && !s.labelsShowYear)
    }

    @Test func quartersFromJanuary() {
        let s = TimeScale(min: Self.ms(2024, 1, 15), max: Self.ms(2024, 12, 20), maxTicks: 6)
        #expect(s.step == TimeScale.Step(3, .month))
        #expect(s.ticks.map(s.label) == ["Apr", "Jul", "Oct"])
    }

    @Test func januaryShowsTheYear() {
        let s = TimeScale(min: Self.ms(2023, 11, 10), max: Self.ms(2024, 3, 5), step: TimeScale.Step(1, .month))
        #expect(s.ticks.map(s.label) == ["Dec", "2024", "Feb", "Mar"])
        #expect(s.labelsShowYear && s.yearSpan == "2023\u{2013}2024")
    }

    @Test func hoursShowMidnightAsTheDay() {
        let s = TimeScale(min: Self.ms(2024, 3, 5, 17, 30), max: Self.ms(2024, 3, 6, 6), step: TimeScale.Step(3, .hour))
        #expect(s.ticks.map(s.label) == ["18:00", "21:00", "Mar 6", "03:00", "06:00"])
    }

    @Test func evenYears() {
        let s = TimeScale(min: Self.ms(2017, 6, 1), max: Self.ms(2024, 6, 1), maxTicks: 5)
        #expect(s.step == TimeScale.Step(2, .year))
        #expect(s.ticks.map(s.label) == ["2018", "2020", "2022", "2024"])
    }

    @Test func minutesAndSeconds() {
        let m = TimeScale(min: Self.ms(2024, 3, 5, 14, 2), max: Self.ms(2024, 3, 5, 14, 33), maxTicks: 8)
        #expect(m.step == TimeScale.Step(5, .minute))
        #expect(m.ticks.map(m.label) == ["14:05", "14:10", "14:15", "14:20", "14:25", "14:30"])
        let start = Self.ms(2024, 3, 5, 14, 5)
        let s = TimeScale(min: start, max: start + 50_000, maxTicks: 4)
        #expect(s.step == TimeScale.Step(15, .second))
        #expect(s.ticks.map(s.label) == ["14:05:00", "14:05:15", "14:05:30", "14:05:45"])
    }

    /// Over random spans, the chosen step respects the tick limit and ticks are inside,
    /// increasing and on the step's boundaries.
    @Test func randomSpans() {
        var rng = ExampleCharts.SplitMix(seed: 9)
        for _ in 0..<500 {
            let lo = Self.ms(2015, 1, 1) + rng.unit() * 3e11
            let hi = lo + 1000 * pow(rng.unit() * 9, 8)
            let limit = 2 + Int(rng.next() % 10)
            let s = TimeScale(min: lo, max: hi, maxTicks: limit)
            #expect(s.ticks.allSatisfy { $0 >= lo && $0 <= hi })
            #expect(zip(s.ticks, s.ticks.dropFirst()).allSatisfy { $0 < $1 })
            if s.step != TimeScale.steps.last! { #expect(s.ticks.count <= limit + 1, "\(s.step) \(s.ticks.count)") }
            for t in s.ticks {
                let d = UTCDateTime(millisecondsSinceEpoch: t)
                #expect(d.millisecond == 0)
                if s.step.unit >= .day { #expect(d.hour == 0 && d.minute == 0 && d.second == 0) }
                if s.step.unit >= .month { #expect(d.day == 1) }
            }
        }
    }

    func pow(_ x: Double, _ n: Int) -> Double { (0..<n).reduce(1) { r, _ in r * x } }
}
