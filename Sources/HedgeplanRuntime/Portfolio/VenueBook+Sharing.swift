import Venues

/// How a portfolio shares venues between books: one `VenueBook` holds the shared venues'
/// state (the store); before a book trades, the store's state is handed into the book's own
/// `VenueBook` (`adoptShared`) and taken back after (`returnShared`), so every trade moves
/// the pool the next book quotes. The store is arbitraged toward the feed by the
/// portfolio's share, the arbitrageur's flow counted in raw tokens.
extension VenueBook {
    /// Marks the entries called one of `names` as shared: `align` leaves them to the portfolio.
    mutating func share(_ names: Set<String>) {
        for index in entries.indices where names.contains(entries[index].name) { entries[index].shared = true }
    }

    /// Takes the store's state for every shared entry.
    mutating func adoptShared(from store: VenueBook) {
        for index in entries.indices where entries[index].shared {
            if let own = store.entries.first(where: { $0.name == entries[index].name }) { entries[index].venue = own.venue }
        }
    }

    /// Hands every shared entry's state back to the store.
    func returnShared(to store: inout VenueBook) {
        for entry in entries where entry.shared {
            if let index = store.entries.firstIndex(where: { $0.name == entry.name }) { store.entries[index].venue = entry.venue }
        }
    }

    /// The mid of the shared pool called `name` (constant-product or concentrated), QUOTE per BASE.
    func poolMid(_ name: String) -> Double? {
        entries.first { $0.name == name }?.venue.poolMid
    }

    /// Every pool's tokens, summed, raw.
    var poolReserves: TokenAmounts {
        entries.reduce(.zero) { sum, entry in sum + (entry.venue.poolTokens ?? .zero) }
    }

    /// Names and mids of the pools, QUOTE per BASE.
    var poolMids: [(name: String, mid: Double)] {
        entries.compactMap { entry in entry.venue.poolMid.map { (entry.name, $0) } }
    }

    /// Moves every perp's mark: to the mid of the pool `marks` names for it, else to `feed`.
    mutating func markPerps(feed: Double, marks: [String: String]) throws {
        for index in entries.indices {
            guard case .perp(var perp) = entries[index].venue else { continue }
            let price = marks[entries[index].name].flatMap { poolMid($0) } ?? feed
            try perp.updateMark(price)
            entries[index].venue = .perp(perp)
        }
    }

    /// Arbitrage between ticks: every pool's price moves `share` of the way from its mid to
    /// `feed` (share 1: to the feed, as `align` does), fee-free, along its own curve: a
    /// constant-product pool keeps its invariant k; a concentrated pool keeps its positions
    /// (re-minted at the new price, as `align` rebuilds a book's own pool, so fees paid into
    /// it go to the arbitrageur). Returns what the arbitrageur took from the pools, raw
    /// (negative: gave).
    mutating func arbitrage(toward feed: Double, share: Double) throws -> TokenAmounts {
        var taken = TokenAmounts.zero
        for index in entries.indices {
            guard let mid = entries[index].venue.poolMid else { continue }
            let target = share >= 1 ? feed : mid + share * (feed - mid)
            guard target != mid, target > 0, target.isFinite else { continue }
            switch entries[index].venue {
            case .constantProduct(let pool):
                let k = pool.reserveBase * pool.reserveQuote
                let moved = try ConstantProductPool(base: (k / target).squareRoot(), quote: (k * target).squareRoot(), fee: pool.fee)
                taken = taken + (TokenAmounts(pool) - TokenAmounts(moved))
                entries[index].venue = .constantProduct(moved)
            case .concentrated(let positions, let fee, let pool?):
                let moved = try ConcentratedLiquidityPool(positions: positions, fee: fee, price: target)
                taken = taken + (TokenAmounts(pool) - TokenAmounts(moved))
                entries[index].venue = .concentrated(positions: positions, fee: fee, pool: moved)
            case .concentrated(_, _, nil), .perp: continue
            }
        }
        return taken
    }

    /// Trades `base` BASE (positive buys) at market on the venue `name` (a pool or a perp),
    /// whatever the slippage: a liquidation's forced close.
    mutating func forceTrade(_ base: Double, on name: String) throws -> Execution {
        guard let index = entries.firstIndex(where: { $0.name == name }) else {
            throw VenueError.invalidParameter("no venue named \(name)")
        }
        return try execute(base > 0 ? .buy : .sell, base: abs(base), at: index, gas: 0)
    }

    /// The mark of the perp called `name`, QUOTE per BASE.
    func perpMark(_ name: String) -> Double? {
        guard let entry = entries.first(where: { $0.name == name }), case .perp(let perp) = entry.venue else { return nil }
        return perp.markPrice
    }
}

extension VenueBook.Kind {
    /// A pool's mid, QUOTE per BASE; nil for a perp or a concentrated pool not built yet.
    var poolMid: Double? {
        switch self {
        case .constantProduct(let pool): pool.midPrice
        case .concentrated(_, _, let pool?): pool.midPrice
        case .concentrated(_, _, nil), .perp: nil
        }
    }

    /// A pool's tokens, raw; nil for a perp or a concentrated pool not built yet.
    var poolTokens: TokenAmounts? {
        switch self {
        case .constantProduct(let pool): TokenAmounts(pool)
        case .concentrated(_, _, let pool?): TokenAmounts(pool)
        case .concentrated(_, _, nil), .perp: nil
        }
    }
}
