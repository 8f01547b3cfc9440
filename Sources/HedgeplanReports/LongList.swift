/// A list a report shows in full when short, else its first and last `edge` items with one
/// line saying how many are left out between them: a long run's trades or cycles stay
/// readable (and the page small) while its start and end are always there.
struct LongList<Item> {
    let items: [Item]
    /// Shown in full up to this many items.
    let limit: Int
    /// Items kept at each end when cut.
    let edge: Int

    init(_ items: [Item], limit: Int = 200, edge: Int = 100) {
        self.items = items
        self.limit = limit
        self.edge = min(edge, limit / 2)
    }

    var isCut: Bool { items.count > limit }
    /// Items left out (0 when shown in full).
    var omitted: Int { isCut ? items.count - 2 * edge : 0 }

    /// The rows: every item's, or the ends' with `omitted(count)` between them.
    func rows(row: (Item) -> String, omitted line: (Int) -> String) -> String {
        guard isCut else { return items.map(row).joined() }
        return items.prefix(edge).map(row).joined() + line(omitted) + items.suffix(edge).map(row).joined()
    }
}
