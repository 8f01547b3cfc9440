import Feeds
import PlanFormat
import Venues

/// Runs a portfolio against a feed (simulation.md, "Portfolios"): every copy of every
/// member is a `HedgeBook`; the shared venues live in one store. On each tick:
///
/// 1. arbitrage moves every shared pool `arbitrage` of the way from its mid to the feed
///    (the arbitrageur's tokens counted), and perps are marked (to their `mark` pool, else
///    the feed);
/// 2. the copies act in order (member, then copy; or shuffled per tick from the seed): each
///    sees the price of the venue its hedge refers to (its shared pool, or the pool its perp
///    marks to; else the feed), steps, and its trades move the shared pool before the next
///    copy quotes;
/// 3. liquidation rounds: a copy whose perp equity (collateral + perp P&L at the mark) is
///    below maintenance is closed at market through the pool its perp marks to; that moves
///    the mark, and the rounds repeat until nobody more falls (a cascade).
///
/// A portfolio of one member with one copy and `arbitrage: 100%` is the member's own dry
/// run: the pool starts each tick at the feed's price, and nobody else moves it.
public struct PortfolioRun {
    public let setup: PortfolioSetup
    public var order: MemberOrder = .fixed
    public var options = RunOptions()
    /// Keep each book's series and trades (`HedgeBook(keepsDetail:)`); Monte Carlo turns it off.
    public var keepsDetail = true
    /// After every tick, checks that the shared pools' reserves, every copy's tokens and the
    /// arbitrageur's add up to the pools' first reserves, raw (tests).
    public var checksConservation = false
    /// Ticks (0-based) where the check failed, with the difference; empty when it held.
    public private(set) var conservationFailures: [(tick: Int, difference: TokenAmounts)] = []
    /// Ticks the check ran on.
    public private(set) var conservationChecks = 0

    public init(setup: PortfolioSetup) {
        self.setup = setup
    }

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

    public mutating func run<Source: TickSource>(_ feed: inout Source) throws -> PortfolioResult {
        guard let first = try feed.next() else { throw Interpreter.RunError.emptyFeed }
        for member in setup.members {
            if let why = HedgeBook.refusal(plan: member.plan, firstTick: first, options: options) {
                throw Interpreter.RunError.planFarFromFeed("\(member.name): \(why)")
            }
        }
        let sharedNames = Set(setup.venues.map(\.venue.name))
        var marks: [String: String] = [:]
        for venue in setup.venues { if let mark = venue.mark { marks[venue.venue.name] = mark } }
        var store: VenueBook
        do { store = try VenueBook(sharedVenues: setup.venues.map(\.venue), spot: first.price) } catch {
            throw Interpreter.RunError.venue("\(error)")
        }
        let initialReserves = store.poolReserves
        let references = setup.members.map { reference(of: $0.plan, marks: marks) }
        let margined = setup.members.map { marginedPerp(of: $0.plan) }

        var books: [HedgeBook] = []
        var venueBooks: [VenueBook] = []
        var copyMember: [Int] = []
        var copyIndex: [Int] = []
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
        var arbitrageur = TokenAmounts.zero
        var crowd = CrowdFigures()
        var events: [LiquidationEvent] = []
        var unclosable = 0
        var liquidated = [Bool](repeating: false, count: books.count)
        var random: Xoshiro256StarStar?
        if case .shuffle(let seed) = order { random = Xoshiro256StarStar(seed: seed) }
        var sequence = Array(books.indices)
        var tick = first
        var tickIndex = 0
        while true {
            // 1. Arbitrage and marks.
            do {
                arbitrageur = arbitrageur + (try store.arbitrage(toward: tick.price, share: setup.arbitrage))
                try store.markPerps(feed: tick.price, marks: marks)
            } catch { throw Interpreter.RunError.venue("\(error)") }
            var startMid: [String: Double] = [:]
            for pool in store.poolMids { startMid[pool.name] = pool.mid }
            func view(_ reference: Reference) -> Double {
                guard case .pool(let name) = reference, let start = startMid[name], let now = store.constantProductPool(name)?.midPrice
                else { return tick.price }
                // At share 1 the pool starts the tick at the feed's price (to its raw units'
                // rounding): the book sees the feed's, moved as the pool has moved since.
                let startView = setup.arbitrage >= 1 ? tick.price : start
                return now == start ? startView : startView * (now / start)
            }
            func observeDeviation() {
                for pool in store.poolMids {
                    crowd.maxPoolDeviationBps = max(crowd.maxPoolDeviationBps, abs(pool.mid / tick.price - 1) * 10_000)
                }
            }
            observeDeviation()
            var movedDepth: [String: Int] = [:]
            if var generator = random {
                // Fisher-Yates with the seeded generator: the same seed gives the same orders everywhere.
                for i in stride(from: sequence.count - 1, to: 0, by: -1) {
                    sequence.swapAt(i, Int(generator.next() % UInt64(i + 1)))
                }
                random = generator
            }

            // 2. Every copy acts in turn.
            for c in sequence {
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
                    movedByOthers = store.constantProductPool(name)?.midPrice != start
                }
                let savedBook = movedByOthers ? books[c] : nil
                let savedVenues = venueBooks[c]
                let hedgesBefore = books[c].hedgeCount
                let midsBefore = store.poolMids
                books[c].step(seen, venues: &venueBooks[c], observer: nil)
                venueBooks[c].returnShared(to: &store)
                do { try store.markPerps(feed: tick.price, marks: marks) } catch { throw Interpreter.RunError.venue("\(error)") }
                var depth = 0
                if books[c].hedgeCount > hedgesBefore, var counterfactual = savedBook, case .pool(let name) = references[m] {
                    var counterfactualVenues = savedVenues
                    var unmoved = tick
                    unmoved.price = setup.arbitrage >= 1 ? tick.price : startMid[name] ?? tick.price
                    counterfactual.step(unmoved, venues: &counterfactualVenues, observer: nil)
                    if counterfactual.hedgeCount == hedgesBefore {
                        crowd.inducedRebalances += 1
                        depth = (movedDepth[name] ?? 0) + 1
                    }
                }
                for (before, after) in zip(midsBefore, store.poolMids) where before.mid != after.mid {
                    movedDepth[after.name] = max(movedDepth[after.name] ?? 0, depth)
                }
                crowd.maxCascadeDepth = max(crowd.maxCascadeDepth, depth)
                observeDeviation()
            }

            // 3. Liquidation rounds, until a full pass liquidates nobody.
            var anyLiquidated = true
            while anyLiquidated {
                anyLiquidated = false
                for c in sequence where !liquidated[c] {
                    let m = copyMember[c]
                    guard let perp = margined[m], let mark = store.perpMark(perp.venue) else { continue }
                    let position = books[c].hedgePosition
                    guard position != 0 else { continue }
                    let equity = books[c].perpEquity(collateral: setup.members[m].collateral, mark: mark)
                    guard equity < perp.margin.maintenance * abs(position) * mark else { continue }
                    let through = perp.markPool ?? perp.venue
                    let execution: VenueBook.Execution
                    do { execution = try store.forceTrade(-position, on: through) } catch {
                        // The pool cannot take the close (it holds less than the position):
                        // the copy stays open, is counted, and is tried again next round.
                        unclosable += 1
                        continue
                    }
                    var seen = tick
                    seen.price = mark
                    books[c].liquidate(execution, at: seen)
                    liquidated[c] = true
                    let depth = (movedDepth[through] ?? 0) + 1
                    if perp.markPool != nil { movedDepth[through] = max(movedDepth[through] ?? 0, depth) }
                    do { try store.markPerps(feed: tick.price, marks: marks) } catch { throw Interpreter.RunError.venue("\(error)") }
                    crowd.liquidations += 1
                    crowd.maxCascadeDepth = max(crowd.maxCascadeDepth, depth)
                    events.append(LiquidationEvent(
                        tickIndex: tickIndex, time: tick.timestamp, member: setup.members[m].name, copy: copyIndex[c],
                        position: position, mark: mark, equity: equity, averagePrice: execution.fill.averagePrice,
                        markAfter: store.perpMark(perp.venue) ?? mark, depth: depth))
                    observeDeviation()
                    anyLiquidated = true
                }
            }
            if checksConservation {
                let total = books.reduce(store.poolReserves + arbitrageur) { $0 + $1.tokens }
                conservationChecks += 1
                if total != initialReserves { conservationFailures.append((tickIndex, total - initialReserves)) }
            }
            tickIndex += 1
            guard let next = try feed.next() else { break }
            tick = next
        }

        var members: [MemberOutcome] = setup.members.map {
            MemberOutcome(name: $0.name, copies: $0.copies, pnl: PnLComponents(), hedges: 0, liquidations: 0, volume: 0, copyTotals: [])
        }
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
        let plan = setup.members.first?.plan
        return PortfolioResult(
            name: setup.name, base: plan?.strategy.base ?? "", quote: plan?.strategy.quote ?? "", ticks: tickIndex,
            rejected: feed.issues.details.filter { $0.kind.rejectsRow }, rejectedCount: feed.issues.rejectedRows,
            firstTime: first.timestamp, lastTime: tick.timestamp, finalSpot: tick.price, members: members, crowd: crowd,
            arbitrageurTokens: arbitrageur, liquidationEvents: events,
            notes: (unclosable > 0
                ? ["\(unclosable) liquidation attempt\(unclosable == 1 ? "" : "s") could not be closed: the pool held less than the position (the copies stayed open)"]
                : []) + feed.notes)
    }

    /// The shared venue a member's hedge refers to: the first shared venue offering its
    /// hedge instrument (a pool, or a perp and then the pool it marks to).
    func reference(of plan: HedgingPlan, marks: [String: String]) -> Reference {
        let wantsPerp = plan.hedge?.instrument == .perp
        for venue in plan.execution?.venues ?? [] where (venue.kind == .perp) == wantsPerp {
            guard setup.venue(named: venue.name) != nil else { continue }
            if venue.kind == .constantProduct { return .pool(venue.name) }
            if venue.kind == .perp { return marks[venue.name].map { .pool($0) } ?? .feed }
        }
        return .feed
    }

    /// A member's margined shared perp, when its hedge trades on one.
    func marginedPerp(of plan: HedgingPlan) -> MarginedPerp? {
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
