import HedgeplanCharts
import HedgeplanFormatting
import HedgeplanTime

/// Locale-free text for the HTML report: escaping, money to the cent, times in UTC.
enum HTMLText {
    /// `text` safe in HTML element content and double-quoted attributes.
    static func escape(_ text: String) -> String { SVGWriter.escape(text) }

    /// QUOTE to the cent with thousands separators and a typographic minus: `−1,234.56`.
    static func money(_ amount: Double) -> String {
        typographic(Money.grouped(amount, decimals: 2))
    }

    /// A BASE quantity or other risk number, typographic minus.
    static func number(_ value: Double) -> String {
        typographic(RiskNumber.format(value))
    }

    /// A fraction as a percentage with 2 decimals: `8.25%`.
    static func percent(_ fraction: Double) -> String {
        NumberFormat.percent(fraction, decimals: 2, minus: NumberFormat.minusSign)
    }

    /// An integer with thousands separators: `26,280`.
    static func count(_ n: Int) -> String { NumberFormat.grouped(n) }

    static func typographic(_ text: String) -> String { Money.typographic(text) }

    /// ms since the epoch as `2024-03-01 08:00 UTC`, with seconds when not zero.
    static func time(_ ms: Int64) -> String {
        let d = UTCDateTime(epochMilliseconds: ms)
        let seconds = d.second == 0 && d.millisecond == 0 ? "" : ":\(ZeroPadded.text(d.second))"
        return "\(d.year)-\(ZeroPadded.text(d.month))-\(ZeroPadded.text(d.day)) \(ZeroPadded.text(d.hour)):\(ZeroPadded.text(d.minute))\(seconds) UTC"
    }

    /// A span in days, hours and minutes: `1,095 days 23 h`, `6 h 5 min`, `42 s`.
    static func duration(milliseconds ms: Int64) -> String {
        let seconds = max(0, ms / 1000)
        let days = seconds / 86_400, hours = seconds / 3600 % 24, minutes = seconds / 60 % 60
        if days > 0 {
            return "\(count(Int(days))) day\(days == 1 ? "" : "s")" + (hours > 0 ? " \(hours) h" : "")
        }
        if hours > 0 { return "\(hours) h" + (minutes > 0 ? " \(minutes) min" : "") }
        if minutes > 0 { return "\(minutes) min" }
        return "\(seconds) s"
    }
}
