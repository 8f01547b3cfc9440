/// Rounds amounts that add up to a total so that the rounded amounts add up to the rounded
/// total, to the cent (largest remainder): what a report shows must add up as shown.
/// Rounding each amount on its own misses the rounded total by a cent or two about as often
/// as not, and a trader reading the table notices.
public enum CentAllocation {
    /// Cents for each amount (QUOTE), adding up exactly to the cents of their sum. Each
    /// result is the amount rounded to the nearest cent, or one cent off it, moved where the
    /// rounding error was largest. Non-finite amounts count as 0. Cents are whole numbers in
    /// a Double: past 2^53 cents (about 9e13 QUOTE) a double holds no cents, so amounts that
    /// large are rounded one by one and not allocated (a stress path of a naked short call
    /// under a 1000% drift reaches 1e25; as `Int64` cents such amounts trapped).
    public static func cents(_ amounts: [Double]) -> (parts: [Double], total: Double) {
        let finite = amounts.map { $0.isFinite ? $0 : 0 }
        let total = (finite.reduce(0, +) * 100).rounded()
        return (cents(finite, addingUpTo: total), total + 0)
    }

    /// Cents for each amount (QUOTE) adding up exactly to `total` cents, a total already
    /// shown elsewhere (a subtotal that is itself a part of a larger sum): the same largest
    /// remainder rule, the gap being between `total` and the amounts' own roundings.
    public static func cents(_ amounts: [Double], addingUpTo total: Double) -> [Double] {
        let finite = amounts.map { $0.isFinite ? $0 : 0 }
        var parts = finite.map { ($0 * 100).rounded() }
        let exact = 9_007_199_254_740_992.0 / 4  // 2^51: sums of a few parts stay below 2^53
        guard total.isFinite, abs(total) < exact, parts.allSatisfy({ abs($0) < exact }) else { return parts }
        var gap = Int64(total - parts.reduce(0, +))
        // How much each part would gain by moving one cent in the gap's direction.
        let order = finite.indices.sorted { a, b in
            let ea = finite[a] * 100 - parts[a], eb = finite[b] * 100 - parts[b]
            return gap > 0 ? ea > eb : ea < eb
        }
        var i = 0
        while gap != 0, !order.isEmpty {
            parts[order[i % order.count]] += gap > 0 ? 1 : -1
            gap += gap > 0 ? -1 : 1
            i += 1
        }
        // -0.0 cents shows as 0.
        return parts.map { $0 + 0 }
    }
}
