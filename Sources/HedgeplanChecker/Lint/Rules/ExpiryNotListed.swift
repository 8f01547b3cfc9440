import HedgeplanDiagnostics
import HedgeplanIR
import HedgeplanTime

/// An option or future expiry on a date and time no venue lists, Deribit-style.
///
/// Deribit expires everything at 08:00 UTC. Within 30 days of the valuation time there is
/// an expiry every day (dailies and weeklies); beyond 30 days only Fridays are listed, and
/// beyond 90 days only the last Friday of a month (monthlies and quarterlies). The expiry is
/// an instant, or a duration counted from `market.as_of`; durations without `as_of` count
/// from the start of the run and are not checked (they are not known until then).
public struct ExpiryNotListed: LintRule {
    public static let id: RuleID = "expiry-not-listed"
    public static let defaultSeverity = Severity.warning
    public static let rationale = "An expiry no venue lists cannot be traded; the plan would hold an option that does not exist."

    /// Seconds after midnight UTC at which listed options expire (08:00).
    public static let expirySecondOfDay: Int64 = 8 * 3_600
    static let day: Int64 = 86_400

    public init() {}

    /// Why `expiry` is not a listed expiry when valued at `valuation`; nil when it is listed.
    public static func problem(expiry: Instant, valuation: Instant) -> Problem? {
        let (days, second) = split(expiry)
        if second != expirySecondOfDay { return .timeOfDay(second) }
        let daysOut = Double(valuation.seconds(until: expiry)) / Double(day)
        let date = CivilDate(daysSinceEpoch: days)
        if daysOut > 90, !date.isLastFridayOfMonth { return .notLastFriday(date) }
        if daysOut > 30, date.weekday != CivilDate.friday { return .notFriday(date) }
        return nil
    }

    /// The listed expiry nearest `expiry` (ties: the earlier), searched 45 days each way.
    public static func nearestListed(to expiry: Instant, valuation: Instant) -> Instant? {
        let (days, _) = split(expiry)
        var best: (instant: Instant, distance: Int64)?
        for offset in -45...45 {
            let candidate = Instant(secondsSinceEpoch: (days + Int64(offset)) * day + expirySecondOfDay)
            guard candidate > valuation, problem(expiry: candidate, valuation: valuation) == nil else { continue }
            let distance = abs(candidate.seconds(until: expiry))
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.instant
    }

    public enum Problem: Equatable, Sendable {
        case timeOfDay(Int64)
        case notFriday(CivilDate)
        case notLastFriday(CivilDate)
    }

    static func split(_ instant: Instant) -> (days: Int64, second: Int64) {
        let days = EpochMilliseconds.floorDivide(instant.secondsSinceEpoch, day)
        return (days, instant.secondsSinceEpoch - days * day)
    }

    public func check(_ context: LintContext) -> [Diagnostic] {
        let strategy = context.strategy
        var seen = Set<SourceLocation>()
        var findings: [Diagnostic] = []
        for leg in strategy.legs {
            guard let expiry = leg.instrument.expiry, seen.insert(expiry.location).inserted else { continue }
            let instant: Instant
            switch expiry.value {
            case .at(let at): instant = at
            case .after(let duration):
                guard strategy.valuationTimeIsAsOf else { continue }
                instant = strategy.valuationTime.adding(duration)
            }
            guard instant > strategy.valuationTime,
                let problem = Self.problem(expiry: instant, valuation: strategy.valuationTime)
            else { continue }
            let nearest = Self.nearestListed(to: instant, valuation: strategy.valuationTime)
            findings.append(finding(Self.message(instant, problem, nearest: nearest, written: expiry.value), at: expiry.location))
        }
        return findings
    }
}

extension CivilDate {
    /// A Friday in the last seven days of its month: Deribit's monthly expiry.
    public var isLastFridayOfMonth: Bool { weekday == Self.friday && day + 7 > daysInMonth }
}

// MARK: Messages

extension ExpiryNotListed {
    fileprivate static func message(_ instant: Instant, _ problem: Problem, nearest: Instant?, written: Expiry) -> String {
        let resolved: String
        if case .after(let d) = written { resolved = "expiry \(d) (\(instant))" } else { resolved = "expiry \(instant)" }
        let reason: String
        switch problem {
        case .timeOfDay(let second):
            reason = "is at \(ZeroPadded.text(second / 3_600)):\(ZeroPadded.text(second / 60 % 60)) UTC; listed options expire at 08:00 UTC"
        case .notFriday(let date):
            reason = "is a \(date.weekdayName); beyond 30 days only Friday expiries are listed"
        case .notLastFriday(let date):
            reason = "is a \(date.weekdayName) (\(date)) that is not the last Friday of its month; beyond 90 days only monthly and quarterly expiries are listed"
        }
        return "\(resolved) \(reason)" + (nearest.map { "; the nearest listed expiry is \($0)" } ?? "")
    }
}
