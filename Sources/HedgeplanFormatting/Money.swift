/// Money and prices as people read them: thousands separators, cents, the currency named.
/// Rounding is C's `%.2f` (the exact binary value, ties to even), so reports written before
/// this module existed keep their bytes.
public enum Money {
    /// `6,300.25 USDC`: two decimals, thousands separated, sign kept.
    public static func format(_ amount: Double, _ currency: String) -> String {
        "\(grouped(amount, decimals: 2)) \(currency)"
    }

    /// A price or spot: `2,500`, `2,637.96` (decimals only when needed, at most 2).
    public static func plain(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return grouped(rounded, decimals: rounded == rounded.rounded() ? 0 : 2)
    }

    /// `value` to `decimals` places with thousands separators and an ASCII minus; a value
    /// that rounds to zero has no sign. `NaN`, `inf`, `-inf` when not finite.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        NumberFormat.fixed(value, decimals: decimals, grouping: true, rounding: .halfToEven)
    }

    /// QUOTE with a typographic minus (U+2212) for HTML and SVG: `−1,234.56`.
    public static func typographic(_ text: String) -> String {
        text.hasPrefix("-") ? NumberFormat.minusSign + text.dropFirst() : text
    }
}

/// Risk numbers (greeks, quantities) to a precision that reads well: `2,500.00`,
/// `-0.1044`, `1.234e-05`.
public enum RiskNumber {
    public static func format(_ x: Double) -> String {
        let magnitude = abs(x)
        if magnitude == 0 { return "0" }
        if magnitude >= 100 { return Money.grouped(x, decimals: 2) }
        if magnitude >= 0.01 { return Money.grouped(x, decimals: 4) }
        return NumberFormat.significant(x, digits: 4)
    }
}
