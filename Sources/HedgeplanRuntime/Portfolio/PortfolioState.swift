import Feeds
import PlanFormat
import Venues

/// A portfolio run's state, advanced one tick at a time (`step`), one method per phase:
/// arbitrage and marks, the copies acting in turn, the liquidation rounds, recording. The
/// shared venues live in `store`; each copy's own venues and book beside it.
struct PortfolioState {
    /// Which price a member's books see.
    enum Reference: Equatable {
        case feed
        case pool(String)
    }

    /// A member's margined perp: the venue, its margin, and the pool it marks to.
    struct MarginedPerp {
        var venue: String
        var margin: PortfolioSetup.Margin
        var markPool: String?
    }

    let setup: PortfolioSetup
    /// The shared venues.
    var store: VenueBook
    /// The pools' raw reserves before the first tick: what conservation is checked against.
    let initialReserves: TokenAmounts
    /// perp name -> the shared pool it marks to.
    let marks: [String: String]
    /// By member line.
    let references: [Reference]
    let margined: [MarginedPerp?]

    /// By copy (member after member, copy after copy).
    var books: [HedgeBook] = []
    var venueBooks: [VenueBook] = []
    var copyMember: [Int] = []
    var copyIndex: [Int] = []
    var liquidated: [Bool] = []
    /// The copies in the order they act this tick.
    var sequence: [Int] = []
    var random: Xoshiro256StarStar?

    /// The arbitrageur's take from the shared pools, raw.
    var arbitrageur = TokenAmounts.zero
    var crowd = CrowdFigures()
    var events: [LiquidationEvent] = []
    /// Liquidations the pool could not take.
    var unclosable = 0
    var track: PoolTrack?

    /// The tick being run, its index and each pool's mid after arbitrage.
    var tick: Tick
    var tickIndex = 0
    var startMid: [String: Double] = [:]
    /// Every move of each pool in the tick, in order: its cascade round and the mid before it.
    var moves: [String: [PoolMove]] = [:]

    struct PoolMove {
        var depth: Int
        var midBefore: Double
    }

    init(setup: PortfolioSetup, first: Tick, order: MemberOrder, options: RunOptions, keepsDetail: Bool) throws {
        self.setup = setup
        tick = first
        var marks: [String: String] = [:]
        for venue in setup.venues { if let mark = venue.mark { marks[venue.venue.name] = mark } }
        self.marks = marks
        do { store = try VenueBook(sharedVenues: setup.venues.map(\.venue), spot: first.price) } catch {
            throw Interpreter.RunError.venue("\(error)")
        }
        initialReserves = store.poolReserves
        references = setup.members.map { Self.reference(of: $0.plan, in: setup, marks: marks) }
        margined = setup.members.map { Self.marginedPerp(of: $0.plan, in: setup) }
        let sharedNames = Set(setup.venues.map(\.venue.name))
        for (m, member) in setup.members.enumerated() {
            for copy in 0..<member.copies {
                var venues: VenueBook
                do { venues = try VenueBook(plan: member.plan, spot: first.price) } catch { throw Interpreter.RunError.venue("\(error)") }
                venues.share(sharedNames)
                venueBooks.append(venues)
                books.append(HedgeBook(plan: member.plan, firstTick: first, options: options, keepsDetail: keepsDetail))
                copyMember.append(m)
                copyIndex.append(copy)
            }
        }
        liquidated = [Bool](repeating: false, count: books.count)
        sequence = Array(books.indices)
        if case .shuffle(let seed) = order { random = Xoshiro256StarStar(seed: seed) }
        if keepsDetail { track = PoolTrack(pools: store.poolMids.map(\.name)) }
    }

    /// Runs `next` through every phase.
    mutating func step(_ next: Tick) throws {
        tick = next
        try arbitrageAndMark()
        shuffle()
        for c in sequence { try act(c) }
        try liquidationRounds()
        track?.record(time: tick.timestamp, feed: tick.price, mids: store.poolMids.map(\.mid))
        tickIndex += 1
    }

    /// Every token the shared pools started with, wherever it is now: the pools, the
    /// arbitrageur, the copies (raw; equals `initialReserves` when nothing leaked).
    var tokensAccountedFor: TokenAmounts { books.reduce(store.poolReserves + arbitrageur) { $0 + $1.tokens } }

    // MARK: - Phase 1: arbitrage and marks

    mutating func arbitrageAndMark() throws {
        do {
            arbitrageur = arbitrageur + (try store.arbitrage(toward: tick.price, share: setup.arbitrage))
            try store.markPerps(feed: tick.price, marks: marks)
        } catch { throw Interpreter.RunError.venue("\(error)") }
        startMid = [:]
        for pool in store.poolMids { startMid[pool.name] = pool.mid }
        moves = [:]
        observeDeviation()
    }

    /// The price a book with this reference sees now.
    func view(_ reference: Reference) -> Double {
        guard case .pool(let name) = reference, let now = store.poolMid(name) else { return tick.price }
        return view(name, mid: now)
    }

    /// The price a book referring to pool `name` sees when the pool's mid is `mid`.
    func view(_ name: String, mid: Double) -> Double {
        guard let start = startMid[name] else { return tick.price }
        // At share 1 the pool starts the tick at the feed's price (to its raw units'
        // rounding): the book sees the feed's, moved as the pool has moved since.
        let startView = setup.arbitrage >= 1 ? tick.price : start
        return mid == start ? startView : startView * (mid / start)
    }

    mutating func observeDeviation() {
        for pool in store.poolMids {
            crowd.maxPoolDeviationBps = max(crowd.maxPoolDeviationBps, abs(pool.mid / tick.price - 1) * 10_000)
        }
    }

    /// `--order shuffle`: Fisher-Yates with the seeded generator, so the same seed gives the
    /// same orders everywhere.
    mutating func shuffle() {
        guard var generator = random else { return }
        for i in stride(from: sequence.count - 1, to: 0, by: -1) {
            sequence.swapAt(i, Int(generator.next() % UInt64(i + 1)))
        }
        random = generator
    }

    // MARK: - Phase 2: every copy acts in turn

    /// Copy `c` steps at the price its reference shows, trading through the shared venues;
    /// a rebalance that the same book at the tick's unmoved price would not have made is
    /// counted as induced, one cascade round deeper than the trade that moved its pool into
    /// rebalancing (`inducedRound`).
    mutating func act(_ c: Int) throws {
        let m = copyMember[c]
        var seen = tick
        seen.price = view(references[m])
        if let perp = margined[m], let mark = store.perpMark(perp.venue) {
            let equity = books[c].perpEquity(collateral: setup.members[m].collateral, mark: mark)
            books[c].perpPositionLimit = max(0, equity) / (perp.margin.initial * mark)
        }
        venueBooks[c].adoptShared(from: store)
        venueBooks[c].arbitrage(to: seen.price)
        var movedByOthers = false
        if case .pool(let name) = references[m], let start = startMid[name] {
            movedByOthers = store.poolMid(name) != start
        }
        let savedBook = movedByOthers ? books[c] : nil
        let savedVenues = venueBooks[c]
        let hedgesBefore = books[c].hedgeCount
        let midsBefore = store.poolMids
        books[c].step(seen, venues: &venueBooks[c], observer: nil)
        venueBooks[c].returnShared(to: &store)
        do { try store.markPerps(feed: tick.price, marks: marks) } catch { throw Interpreter.RunError.venue("\(error)") }
        var depth = 0
        if books[c].hedgeCount > hedgesBefore, let savedBook, case .pool(let name) = references[m],
            let start = startMid[name], !rebalances(savedBook, savedVenues, at: view(name, mid: start))
        {
            crowd.inducedRebalances += 1
            depth = inducedRound(savedBook, savedVenues, pool: name)
        }
        for (before, after) in zip(midsBefore, store.poolMids) where before.mid != after.mid {
            moves[after.name, default: []].append(PoolMove(depth: depth, midBefore: before.mid))
        }
        crowd.maxCascadeDepth = max(crowd.maxCascadeDepth, depth)
        observeDeviation()
    }

    /// Whether `book` decides a rebalance on this tick at `price` (a copy of it, stepped on a
    /// copy of its venues).
    func rebalances(_ book: HedgeBook, _ venues: VenueBook, at price: Double) -> Bool {
        var book = book, venues = venues, seen = tick
        seen.price = price
        let before = book.hedgeCount
        book.step(seen, venues: &venues, observer: nil)
        return book.hedgeCount > before
    }

    /// The cascade round of an induced rebalance: one deeper than the last move of the pool
    /// in this tick before which the same book would not have rebalanced. The first move
    /// starts from the tick's unmoved mid, where the caller found it would not: it is not
    /// stepped again.
    func inducedRound(_ book: HedgeBook, _ venues: VenueBook, pool: String) -> Int {
        let poolMoves = moves[pool] ?? []
        for move in poolMoves.dropFirst().reversed() where !rebalances(book, venues, at: view(pool, mid: move.midBefore)) {
            return move.depth + 1
        }
        return (poolMoves.first?.depth ?? 0) + 1
    }

    // MARK: - Phase 3: liquidations

    /// Passes over the copies until one liquidates nobody: each close moves the mark the
    /// next copy is checked at (a cascade, whose rounds `cascadeRound` counts).
    mutating func liquidationRounds() throws {
        var anyLiquidated = true
        while anyLiquidated {
            anyLiquidated = false
            for c in sequence where !liquidated[c] {
                if try liquidateIfBelowMaintenance(c) { anyLiquidated = true }
            }
        }
    }

    /// Closes copy `c`'s perp hedge at market through the pool its perp marks to when its
    /// equity is below maintenance; whether it did.
    mutating func liquidateIfBelowMaintenance(_ c: Int) throws -> Bool {
        let m = copyMember[c]
        guard let perp = margined[m], let mark = store.perpMark(perp.venue) else { return false }
        let position = books[c].perpAccountPosition
        guard position != 0 else { return false }
        let equity = books[c].perpEquity(collateral: setup.members[m].collateral, mark: mark)
        guard equity < perp.margin.maintenance * abs(position) * mark else { return false }
        let depth = cascadeRound(of: c, margin: perp.margin.maintenance, position: position, pool: perp.markPool)
        let through = perp.markPool ?? perp.venue
        let midBefore = store.poolMid(through)
        let execution: VenueBook.Execution
        do { execution = try store.forceTrade(-position, on: through) } catch {
            // The pool cannot take the close (it holds less than the position): the copy
            // stays open, is counted, and is tried again next round.
            unclosable += 1
            return false
        }
        var seen = tick
        seen.price = mark
        books[c].liquidate(execution, at: seen)
        liquidated[c] = true
        if perp.markPool != nil, let midBefore { moves[through, default: []].append(PoolMove(depth: depth, midBefore: midBefore)) }
        do { try store.markPerps(feed: tick.price, marks: marks) } catch { throw Interpreter.RunError.venue("\(error)") }
        crowd.liquidations += 1
        crowd.maxCascadeDepth = max(crowd.maxCascadeDepth, depth)
        events.append(LiquidationEvent(
            tickIndex: tickIndex, time: tick.timestamp, member: setup.members[m].name, copy: copyIndex[c],
            position: position, mark: mark, equity: equity, averagePrice: execution.fill.averagePrice,
            markAfter: store.perpMark(perp.venue) ?? mark, depth: depth))
        observeDeviation()
        return true
    }

    /// The cascade round of copy `c`'s liquidation: one deeper than the trade that last
    /// pushed its equity below maintenance (the last move of the mark's pool in this tick
    /// before which it was still above), or 1 when it was below at the tick's unmoved mark.
    /// A copy that was already below before the previous liquidation moved the mark is not
    /// that liquidation's doing: identical copies closed one after another are one round.
    func cascadeRound(of c: Int, margin maintenance: Double, position: Double, pool: String?) -> Int {
        guard let pool, let poolMoves = moves[pool] else { return 1 }
        let collateral = setup.members[copyMember[c]].collateral
        for move in poolMoves.reversed() {
            let mark = move.midBefore
            if books[c].perpEquity(collateral: collateral, mark: mark) >= maintenance * abs(position) * mark {
                return move.depth + 1
            }
        }
        return 1
    }

    // MARK: - Outcome

    /// Each member line's figures summed over its copies, and the crowd's.
    func members() -> (members: [MemberOutcome], crowd: CrowdFigures) {
        var members: [MemberOutcome] = setup.members.map {
            MemberOutcome(name: $0.name, copies: $0.copies, pnl: PnLComponents(), hedges: 0, liquidations: 0, volume: 0, copyTotals: [])
        }
        var crowd = crowd
        for c in books.indices {
            let outcome = books[c].outcome()
            let m = copyMember[c]
            members[m].pnl = members[m].pnl + outcome.pnl
            members[m].hedges += outcome.hedges
            members[m].liquidations += liquidated[c] ? 1 : 0
            members[m].copyTotals.append(outcome.pnl.total)
            let volume = books[c].hedgeVolume
            members[m].volume += volume
            crowd.volume += volume
        }
        return (members, crowd)
    }

    // MARK: - Opening

    /// The shared venue a member's hedge refers to: the first shared venue offering its
    /// hedge instrument (a pool, or a perp and then the pool it marks to).
    static func reference(of plan: HedgingPlan, in setup: PortfolioSetup, marks: [String: String]) -> Reference {
        let wantsPerp = plan.hedge?.instrument == .perp
        for venue in plan.execution?.venues ?? [] where (venue.kind == .perp) == wantsPerp {
            guard setup.venue(named: venue.name) != nil else { continue }
            if venue.kind == .constantProduct || venue.kind == .concentratedLiquidity { return .pool(venue.name) }
            if venue.kind == .perp { return marks[venue.name].map { .pool($0) } ?? .feed }
        }
        return .feed
    }

    /// A member's margined shared perp, when its hedge trades on one.
    static func marginedPerp(of plan: HedgingPlan, in setup: PortfolioSetup) -> MarginedPerp? {
        guard plan.hedge?.instrument == .perp else { return nil }
        for venue in plan.execution?.venues ?? [] where venue.kind == .perp {
            guard let shared = setup.venue(named: venue.name), let margin = shared.margin else { continue }
            return MarginedPerp(venue: venue.name, margin: margin, markPool: shared.mark)
        }
        return nil
    }
}

extension HedgeBook {
    /// BASE traded by the hedge (and liquidations) so far.
    var hedgeVolume: Double { counters.hedgeVolume }
}
