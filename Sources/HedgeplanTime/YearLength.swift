/// The year the pricing models, the DSL's `1y` and every annualised rate (volatility, drift,
/// funding, interest) are quoted over: 365 days of 86,400 seconds, as Deribit and most
/// crypto venues quote (not the 365.2425-day Gregorian mean, not 252 trading days).
/// Times to expiry in years are `seconds / YearLength.seconds`.
public enum YearLength {
    // Inlinable constants rather than stored globals: a global of another module is read
    // through a lazy-initialisation check (`swift_once`) on every use, and the engine
    // reads these on every tick.

    /// 365 days.
    @inlinable public static var days: Int64 { 365 }
    /// 31,536,000 seconds.
    @inlinable public static var seconds: Int64 { days * 86_400 }
    /// 31,536,000,000 milliseconds.
    @inlinable public static var milliseconds: Int64 { seconds * 1_000 }

    /// `days` as a `Double`, for `years * 365` style conversions.
    @inlinable public static var daysValue: Double { Double(days) }
    /// `seconds` as a `Double`: `years = seconds / YearLength.secondsValue`.
    @inlinable public static var secondsValue: Double { Double(seconds) }
    /// `milliseconds` as a `Double`: `years = ms / YearLength.millisecondsValue`.
    @inlinable public static var millisecondsValue: Double { Double(milliseconds) }
}
