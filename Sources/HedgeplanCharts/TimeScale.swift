import HedgeplanTime

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
        let monthName = CivilDate.monthAbbreviations[d.month - 1]
        let midnight = d.hour == 0 && d.minute == 0 && d.second == 0
        switch step.unit {
        case .year:
            return "\(d.year)"
        case .month:
            return d.month == 1 ? "\(d.year)" : monthName
        case .week, .day:
            return "\(monthName) \(d.day)"
        case .hour, .minute:
            return midnight ? "\(monthName) \(d.day)" : "\(ZeroPadded.text(d.hour)):\(ZeroPadded.text(d.minute))"
        case .second:
            return midnight
                ? "\(monthName) \(d.day)"
                : "\(ZeroPadded.text(d.hour)):\(ZeroPadded.text(d.minute)):\(ZeroPadded.text(d.second))"
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
