/// Every trade a book made, in order, when the book keeps detail (`dry-run`, the report,
/// the journal); nothing at all when it keeps only its outcome (Monte Carlo), where a
/// record built per fill would cost more than the fill.
struct TradeLog: Sendable {
    /// Whether records are kept.
    let keeps: Bool
    private(set) var records: [TradeRecord] = []

    init(keeps: Bool) { self.keeps = keeps }

    /// Appends the record `make` builds, which is not built when records are not kept.
    @inline(__always)
    mutating func append(_ make: @autoclosure () -> TradeRecord) {
        if keeps { records.append(make()) }
    }

    var count: Int { records.count }
}
