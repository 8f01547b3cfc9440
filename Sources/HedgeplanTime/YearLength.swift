/// The year the pricing models, the DSL's `1y` and every annualised rate (volatility, drift,
/// funding, interest) are quoted over: 365 days of 86,400 seconds, as Deribit and most
/// crypto venues quote (not the 365.2425-day Gregorian mean, not 252 trading days).
/// Times to expiry in years are `seconds / YearLength.seconds`.
public enum YearLength {
    /// 365 days.
    public static let days: Int64 = 365
    /// 31,536,000 seconds.
    public static let seconds: Int64 = days * 86_400
    /// 31,536,000,000 milliseconds.
    public static let milliseconds: Int64 = seconds * 1_000

    /// `days` as a `Double`, for `years * 365` style conversions.
    public static let daysValue = Double(days)
    /// `seconds` as a `Double`: `years = seconds / YearLength.secondsValue`.
    public static let secondsValue = Double(seconds)
    /// `milliseconds` as a `Double`: `years = ms / YearLength.millisecondsValue`.
    public static let millisecondsValue = Double(milliseconds)
}
