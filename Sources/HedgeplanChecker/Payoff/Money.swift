import Foundation

/// Money and prices as people read them: thousands separators, cents, the currency named.
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

    public static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        let sign = value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }
}
