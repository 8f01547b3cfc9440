import PlanFormat
import Venues

/// The venues a hedge can trade on, built from the plan, and how fills happen. This is venue
/// state, apart from any book: the engine passes it to every book on every tick, so books
/// that share it see each other's price impact.
///
/// Pools are arbitraged to the feed's price between ticks (`arbitrage(to:)`): arbitrageurs
/// close any gap between a pool and the market, so a pool's mid starts each tick at the
/// feed's price. Within a tick, every fill sees the price impact of the ones before it
/// (your own trades, and other books', move your prices). A constant-product pool keeps its
/// invariant k through the arbitrage; a concentrated-liquidity pool keeps its positions.
/// Gas is paid per on-chain trade (AMM venues); perps are modelled off-chain, fee only.
public struct VenueBook: Sendable {
    struct Entry: Sendable {
        var name: String
        var venue: Kind
        var onChain: Bool
        /// A portfolio's shared venue: its state is the portfolio's (`PortfolioRun` hands it
        /// in before the book trades and takes it back after), and the portfolio arbitrages
        /// it by its own share, so `align` leaves it alone.
        var shared = false
    }

    enum Kind: Sendable {
        case constantProduct(ConstantProductPool)
        /// Boxed: a concentrated pool is some 300 bytes (its Uniswap v3 state in 256-bit
        /// words), and unboxed it would make every venue that large, so that each perp fill
        /// and mark would copy it.
        indirect case concentrated(positions: [ConcentratedLiquidityPool.Position], fee: Double, pool: ConcentratedLiquidityPool?)
        case perp(PerpVenue)
    }

    var entries: [Entry] = []
    let routing: Router.Mode
    let maxSlippage: Double
    /// Indices of the venues that offer the hedge instrument.
    let eligible: [Int]
    /// The last hedge's fills. `hedge` empties and refills it, keeping its storage, and
    /// returns it: once the caller has let go of the previous trade's fills (it books them
    /// and drops them within the tick), a hedge allocates no array.
    private var fillBuffer: [Execution] = []
    /// The feed's price the pools are brought to before the tick's first trade. Aligning is
    /// done lazily: most ticks do not trade, and rebuilding a concentrated pool is not free.
    private var pendingAlignment: Double?

    public init(plan: HedgingPlan, spot: Double) throws {
        let execution = plan.execution
        routing = execution?.routing == .split ? .split : .best
        maxSlippage = execution?.maxSlippage ?? 0.05
        let entries = try Self.entries(execution?.venues ?? [], spot: spot)
        self.entries = entries
        let wantsPerp = plan.hedge?.instrument == .perp
        eligible = entries.indices.filter { index in
            if case .perp = entries[index].venue { return wantsPerp }
            return !wantsPerp
        }
    }

    /// The venues a portfolio shares, and no hedge of its own: the state its members'
    /// books trade on in turn (`PortfolioRun`).
    init(sharedVenues: [PlanVenue], spot: Double) throws {
        routing = .best
        maxSlippage = 0
        eligible = []
        entries = try Self.entries(sharedVenues, spot: spot).map { entry in
            var entry = entry
            entry.shared = true
            // A shared concentrated pool is one state from the start: its positions minted
            // at the first tick's price (a book's own is rebuilt at every tick's, lazily).
            if case .concentrated(let positions, let fee, nil) = entry.venue {
                entry.venue = .concentrated(positions: positions, fee: fee, pool: try ConcentratedLiquidityPool(positions: positions, fee: fee, price: spot))
            }
            return entry
        }
    }

    private static func entries(_ venues: [PlanVenue], spot: Double) throws -> [Entry] {
        var entries: [Entry] = []
        for venue in venues {
            switch venue.kind {
            case .constantProduct:
                let pool = try ConstantProductPool(base: venue.reserveBase ?? 1, quote: venue.reserveQuote ?? spot, fee: venue.fee)
                entries.append(Entry(name: venue.name, venue: .constantProduct(pool), onChain: true))
            case .concentratedLiquidity:
                let positions = (venue.positions ?? []).map {
                    ConcentratedLiquidityPool.Position(lower: $0.lower, upper: $0.upper, liquidity: $0.liquidity)
                }
                entries.append(Entry(name: venue.name, venue: .concentrated(positions: positions, fee: venue.fee, pool: nil), onChain: true))
            case .perp:
                let perp = try PerpVenue(markPrice: spot, fee: venue.fee, annualFundingRate: venue.funding ?? 0)
                entries.append(Entry(name: venue.name, venue: .perp(perp), onChain: false))
            }
        }
        return entries
    }

    /// Arbitrage between ticks: every pool is brought to the feed's `price`, and perps are
    /// marked to it, before the tick's first trade.
    public mutating func arbitrage(to price: Double) {
        pendingAlignment = price
    }

    /// Brings every pool to `price` and marks perps to it.
    private mutating func align(to price: Double) throws {
        for index in entries.indices where !entries[index].shared {
            switch entries[index].venue {
            case .constantProduct(let pool):
                let k = pool.reserveBase * pool.reserveQuote
                let aligned = try ConstantProductPool(base: (k / price).squareRoot(), quote: (k * price).squareRoot(), fee: pool.fee)
                entries[index].venue = .constantProduct(aligned)
            case .concentrated(let positions, let fee, _):
                let pool = try ConcentratedLiquidityPool(positions: positions, fee: fee, price: price)
                entries[index].venue = .concentrated(positions: positions, fee: fee, pool: pool)
            case .perp(var perp):
                try perp.updateMark(price)
                entries[index].venue = .perp(perp)
            }
        }
    }

    /// A fill on one venue, with the gas it cost.
    struct Execution: Sendable {
        var venue: String
        var fill: Fill
        /// QUOTE.
        var gas: Double
        /// What the trade took from a shared pool, raw token units (the pool's tokens before
        /// less after; negative: the pool received): token conservation.
        var poolOutflow: TokenAmounts? = nil
    }

    /// Routes and executes a hedge of `base` BASE (positive buys) at the tick whose feed price
    /// is `price`. Returns the fills and what no venue could take within the slippage cap.
    mutating func hedge(_ base: Double, price: Double, gasPerTrade: Double) throws -> (fills: [Execution], unfilled: Double) {
        guard base != 0, !eligible.isEmpty else { return ([], abs(base)) }
        if let target = pendingAlignment {
            try align(to: target)
            pendingAlignment = nil
        }
        let side: TradeSide = base > 0 ? .buy : .sell
        if eligible.count == 1, case .perp(let perp) = entries[eligible[0]].venue {
            // What the router does with one perp, without building its candidates: a perp has
            // no price impact, so it takes the whole size when its fee fits the slippage cap
            // and nothing otherwise (`PerpVenue.largestSize`).
            guard abs(base).isFinite else { throw VenueError.invalidSize(abs(base)) }
            guard perp.largestSize(side, maxSlippage: maxSlippage) > 0 else { return ([], abs(base)) }
            let fill = try execute(side, base: abs(base), at: eligible[0], gas: 0)
            fillBuffer.removeAll(keepingCapacity: true)
            fillBuffer.append(fill)
            return (fillBuffer, 0)
        }
        let venues: [any HedgeVenue] = eligible.map { index in
            switch entries[index].venue {
            case .constantProduct(let pool): return pool
            case .concentrated(_, _, let pool): return pool!
            case .perp(let perp): return perp
            }
        }
        let gas = eligible.map { entries[$0].onChain ? gasPerTrade : 0 }
        let plan = try Router.route(side, base: abs(base), venues: venues, gas: gas, maxSlippage: maxSlippage, mode: routing)
        fillBuffer.removeAll(keepingCapacity: true)
        for child in plan.children where child.base > 0 {
            fillBuffer.append(try execute(side, base: child.base, at: eligible[child.venue], gas: gas[child.venue]))
        }
        return (fillBuffer, plan.unfilled)
    }

    /// Trades `base` BASE on entry `index`, moving its state; a shared pool's execution
    /// carries what the trade took from it (token conservation).
    mutating func execute(_ side: TradeSide, base: Double, at index: Int, gas: Double) throws -> Execution {
        let before = entries[index].shared ? entries[index].venue.poolTokens : nil
        let fill: Fill
        switch entries[index].venue {
        case .constantProduct(var pool):
            fill = try pool.execute(side, base: base)
            entries[index].venue = .constantProduct(pool)
        case .concentrated(let positions, let fee, var pool?):
            fill = try pool.execute(side, base: base)
            entries[index].venue = .concentrated(positions: positions, fee: fee, pool: pool)
        case .concentrated(_, _, nil):
            throw VenueError.invalidParameter("the pool \(entries[index].name) is not open yet")
        case .perp(var perp):
            fill = try perp.execute(side, base: base)
            entries[index].venue = .perp(perp)
        }
        let outflow = before.flatMap { before in entries[index].venue.poolTokens.map { before - $0 } }
        return Execution(venue: entries[index].name, fill: fill, gas: gas, poolOutflow: outflow)
    }
}
