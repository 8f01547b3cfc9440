/// Rounds amounts that add up to a total so that the rounded amounts add up to the rounded
/// total, to the cent (largest remainder): what a report shows must add up as shown.
/// Rounding each amount on its own misses the rounded total by a cent or two about as often
/// as not, and a trader reading the table notices.
public enum CentAllocation {
    /// Cents for each amount (QUOTE), adding up exactly to the cents of their sum. Each
    /// result is the amount rounded to the nearest cent, or one cent off it, moved where the
    /// rounding error was largest. Non-finite amounts count as 0.
    public static func cents(_ amounts: [Double]) -> (parts: [Int64], total: Int64) {
        let finite = amounts.map { $0.isFinite ? $0 : 0 }
        let total = Int64((finite.reduce(0, +) * 100).rounded())
        var parts = finite.map { Int64(($0 * 100).rounded()) }
        var gap = total - parts.reduce(0, +)
        // How much each part would gain by moving one cent in the gap's direction.
        let order = finite.indices.sorted { a, b in
            let ea = finite[a] * 100 - Double(parts[a]), eb = finite[b] * 100 - Double(parts[b])
            return gap > 0 ? ea > eb : ea < eb
        }
        var i = 0
        while gap != 0, !order.isEmpty {
            parts[order[i % order.count]] += gap > 0 ? 1 : -1
            gap += gap > 0 ? -1 : 1
            i += 1
        }
        return (parts, total)
    }
}
