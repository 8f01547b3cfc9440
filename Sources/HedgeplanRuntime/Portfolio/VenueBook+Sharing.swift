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

    /// The constant-product pool called `name`.
    func constantProductPool(_ name: String) -> ConstantProductPool? {
        guard let entry = entries.first(where: { $0.name == name }), case .constantProduct(let pool) = entry.venue else { return nil }
        return pool
    }

    /// Every constant-product pool's reserves, summed, raw.
    var poolReserves: TokenAmounts {
        entries.reduce(.zero) { sum, entry in
            if case .constantProduct(let pool) = entry.venue { return sum + TokenAmounts(pool) }
            return sum
        }
    }

    /// Names and mids of the constant-product pools, QUOTE per BASE.
    var poolMids: [(name: String, mid: Double)] {
        entries.compactMap { entry in
            if case .constantProduct(let pool) = entry.venue { return (entry.name, pool.midPrice) }
            return nil
        }
    }

    /// Moves every perp's mark: to the mid of the pool `marks` names for it, else to `feed`.
    mutating func markPerps(feed: Double, marks: [String: String]) throws {
        for index in entries.indices {
            guard case .perp(var perp) = entries[index].venue else { continue }
            let price = marks[entries[index].name].flatMap { constantProductPool($0)?.midPrice } ?? feed
            try perp.updateMark(price)
            entries[index].venue = .perp(perp)
        }
    }

    /// Arbitrage between ticks: every constant-product pool's price moves `share` of the way
    /// from its mid to `feed` (share 1: to the feed, as `align` does), along its invariant k.
    /// The trade is fee-free (an arbitrageur's flow at the pool's own curve); returns what
    /// the arbitrageur took from the pools, raw (negative: gave).
    mutating func arbitrage(toward feed: Double, share: Double) throws -> TokenAmounts {
        var taken = TokenAmounts.zero
        for index in entries.indices {
            guard case .constantProduct(let pool) = entries[index].venue else { continue }
            let mid = pool.midPrice
            let target = share >= 1 ? feed : mid + share * (feed - mid)
            guard target != mid, target > 0, target.isFinite else { continue }
            let k = pool.reserveBase * pool.reserveQuote
            let moved = try ConstantProductPool(base: (k / target).squareRoot(), quote: (k * target).squareRoot(), fee: pool.fee)
            taken = taken + (TokenAmounts(pool) - TokenAmounts(moved))
            entries[index].venue = .constantProduct(moved)
        }
        return taken
    }

    /// Trades `base` BASE (positive buys) at market on the venue `name` (a constant-product
    /// pool or a perp), whatever the slippage: a liquidation's forced close.
    mutating func forceTrade(_ base: Double, on name: String) throws -> Execution {
        guard let index = entries.firstIndex(where: { $0.name == name }) else {
            throw VenueError.invalidParameter("no venue named \(name)")
        }
        let side: TradeSide = base > 0 ? .buy : .sell
        switch entries[index].venue {
        case .constantProduct(var pool):
            let before = TokenAmounts(pool)
            let fill = try pool.execute(side, base: abs(base))
            entries[index].venue = .constantProduct(pool)
            return Execution(venue: name, fill: fill, gas: 0, poolOutflow: entries[index].shared ? before - TokenAmounts(pool) : nil)
        case .perp(var perp):
            let fill = try perp.execute(side, base: abs(base))
            entries[index].venue = .perp(perp)
            return Execution(venue: name, fill: fill, gas: 0)
        case .concentrated:
            throw VenueError.invalidParameter("a forced close goes through a constant-product pool or a perp")
        }
    }

    /// The mark of the perp called `name`, QUOTE per BASE.
    func perpMark(_ name: String) -> Double? {
        guard let entry = entries.first(where: { $0.name == name }), case .perp(let perp) = entry.venue else { return nil }
        return perp.markPrice
    }
}
