/// A UTC calendar date and time, converted from and to milliseconds since the Unix epoch
/// with Howard Hinnant's civil-date algorithms (proleptic Gregorian, no Foundation, no
/// time zones, no leap seconds).
public struct UTCDateTime: Sendable, Hashable {
    public var year: Int
    /// 1...12
    public var month: Int
    /// 1...31
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var millisecond: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                millisecond: Int = 0) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second, self.millisecond) = (hour, minute, second, millisecond)
    }

    /// The date and time of a millisecond timestamp (fractions of a millisecond dropped).
    public init(millisecondsSinceEpoch ms: Double) {
        let total = Int64(ms.rounded(.down))
        let msPerDay: Int64 = 86_400_000
        var days = total / msPerDay
        var rest = total % msPerDay
        if rest < 0 { rest += msPerDay; days -= 1 }
        (year, month, day) = Self.civil(fromDays: days)
        hour = Int(rest / 3_600_000)
        minute = Int(rest / 60_000 % 60)
        second = Int(rest / 1000 % 60)
        millisecond = Int(rest % 1000)
    }

    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var millisecondsSinceEpoch: Double {
        let days = Self.days(fromCivil: year, month, day)
        let ms = ((days * 24 + Int64(hour)) * 60 + Int64(minute)) * 60_000 + Int64(second) * 1000
            + Int64(millisecond)
        return Double(ms)
    }

    /// Days since the epoch of a civil date (Hinnant's `days_from_civil`).
    public static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since the epoch (Hinnant's `civil_from_days`).
    public static func civil(fromDays z0: Int64) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }

    /// `2024-03-05 14:00` (seconds added when not zero).
    public var isoMinutes: String {
        var s = "\(year)-\(Self.two(month))-\(Self.two(day)) \(Self.two(hour)):\(Self.two(minute))"
        if second != 0 { s += ":\(Self.two(second))" }
        return s
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

/// Time axis ticks at calendar steps for x values in milliseconds since the epoch (UTC).
///
/// Steps go from seconds through minutes, hours (1, 3, 6, 12), days, weeks (on Mondays) and
/// months (1, 3, 6) to years. Ticks fall on round UTC boundaries, never at the data's first
/// timestamp. The domain is the data's own (tight): a time series starts at its first tick.
public struct TimeScale: Sendable, Hashable {
    /// A calendar unit.
    public enum Unit: Int, Sendable, Hashable, Comparable {
        case second, minute, hour, day, week, month, year
        public static func < (a: Unit, b: Unit) -> Bool { a.rawValue < b.rawValue }
    }

    /// A tick interval: `count` units.
    public struct Step: Sendable, Hashable {
        public var unit: Unit
        public var count: Int
        public init(_ count: Int, _ unit: Unit) {
            self.unit = unit
            self.count = count
        }

        /// The step's length in milliseconds (months and years on average).
        public var approximateMilliseconds: Double {
            let base: Double
            switch unit {
            case .second: base = 1000
            case .minute: base = 60_000
            case .hour: base = 3_600_000
            case .day: base = 86_400_000
            case .week: base = 7 * 86_400_000
            case .month: base = 30.436875 * 86_400_000
            case .year: base = 365.2425 * 86_400_000
            }
            return base * Double(count)
        }
    }

    /// The candidate steps, finest first.
    public static let steps: [Step] = [
        Step(1, .second), Step(5, .second), Step(15, .second), Step(30, .second),
        Step(1, .minute), Step(5, .minute), Step(15, .minute), Step(30, .minute),
        Step(1, .hour), Step(3, .hour), Step(6, .hour), Step(12, .hour),
        Step(1, .day), Step(2, .day), Step(1, .week), Step(2, .week),
        Step(1, .month), Step(3, .month), Step(6, .month),
        Step(1, .year), Step(2, .year), Step(5, .year), Step(10, .year), Step(25, .year),
        Step(50, .year), Step(100, .year),
    ]

    public let lower: Double
    public let upper: Double
    public let step: Step
    /// Tick times in milliseconds since the epoch, increasing, all inside the domain.
    public let ticks: [Double]

    /// The finest step that gives at most `maxTicks` ticks over `min...max`.
    public init(min: Double, max: Double, maxTicks: Int) {
        let span = Swift.max(max - min, 1)
        let limit = Double(Swift.max(1, maxTicks))
        let chosen = Self.steps.first { span / $0.approximateMilliseconds <= limit }
            ?? Self.steps[Self.steps.count - 1]
        self.init(min: min, max: max, step: chosen)
    }

    /// Ticks every `step` over `min...max`.
    public init(min: Double, max: Double, step: Step) {
        lower = Swift.min(min, max)
        upper = Swift.max(min, max) == lower ? lower + 1 : Swift.max(min, max)
        self.step = step
        ticks = Self.ticks(lower, upper, step)
    }

    static func ticks(_ lo: Double, _ hi: Double, _ step: Step) -> [Double] {
        var out: [Double] = []
        let dayMs = 86_400_000.0
        switch step.unit {
        case .second, .minute, .hour, .day:
            let ms = step.approximateMilliseconds
            var t = (lo / ms).rounded(.up) * ms
            while t <= hi { out.append(t); t += ms }
        case .week:
            // 1970-01-05 (day 4) was a Monday.
            let ms = step.approximateMilliseconds
            let monday = 4 * dayMs
            var t = ((lo - monday) / ms).rounded(.up) * ms + monday
            while t <= hi { out.append(t); t += ms }
        case .month, .year:
            let start = UTCDateTime(millisecondsSinceEpoch: lo)
            let monthsPerStep = step.unit == .year ? 12 * step.count : step.count
            var index = start.year * 12 + (start.month - 1)
            // Align to whole steps: months to multiples from January, years to multiples of count.
            if step.unit == .year {
                var year = start.year
                year += (step.count - ((year % step.count) + step.count) % step.count) % step.count
                index = year * 12
            } else {
                index += (monthsPerStep - (index % monthsPerStep)) % monthsPerStep
            }
            while true {
                let year = index >= 0 ? index / 12 : (index - 11) / 12
                let month = index - year * 12 + 1
                let t = UTCDateTime(year: year, month: month, day: 1).millisecondsSinceEpoch
                if t > hi { break }
                if t >= lo { out.append(t) }
                index += monthsPerStep
            }
        }
        return out
    }

    /// The tick label of `t`: the coarsest calendar boundary it falls on decides.
    ///
    /// Years `2024`; months `Mar` (January shows the year); days and weeks `Mar 5`;
    /// hours and minutes `14:00` (midnight shows the day); seconds `14:05:30`.
    public func label(_ t: Double) -> String {
        let d = UTCDateTime(millisecondsSinceEpoch: t)
        let monthName = UTCDateTime.monthNames[d.month - 1]
        let midnight = d.hour == 0 && d.minute == 0 && d.second == 0
        switch step.unit {
        case .year:
            return "\(d.year)"
        case .month:
            return d.month == 1 ? "\(d.year)" : monthName
        case .week, .day:
            return "\(monthName) \(d.day)"
        case .hour, .minute:
            return midnight ? "\(monthName) \(d.day)" : "\(UTCDateTime.two(d.hour)):\(UTCDateTime.two(d.minute))"
        case .second:
            return midnight
                ? "\(monthName) \(d.day)"
                : "\(UTCDateTime.two(d.hour)):\(UTCDateTime.two(d.minute)):\(UTCDateTime.two(d.second))"
        }
    }

    /// The years the domain spans, for axis titles when no tick names a year:
    /// `2024` or `2023–2024`.
    public var yearSpan: String {
        let a = UTCDateTime(millisecondsSinceEpoch: lower).year
        let b = UTCDateTime(millisecondsSinceEpoch: upper).year
        return a == b ? "\(a)" : "\(a)\u{2013}\(b)"
    }

    /// Whether some tick label names a year.
    public var labelsShowYear: Bool {
        ticks.contains { label($0).count == 4 && label($0).allSatisfy(\.isNumber) }
    }
}
