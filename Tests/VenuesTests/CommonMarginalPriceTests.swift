import Testing
@testable import Venues

/// The router's search for the common marginal price (Illinois false position, the perp's
/// jump located first) against plain bisection written out here (the search it replaced):
/// both must bracket the same root to 1e-13 relative, the new one in far fewer evaluations.
struct CommonMarginalPriceTests {
    func venues() throws -> [any HedgeVenue] {
        [
            try ConstantProductPool(base: 4000, quote: 12_000_000, fee: 0.003),
            try ConcentratedLiquidityPool(
                positions: [.init(lower: 2400, upper: 3600, liquidity: 9e5), .init(lower: 2900, upper: 3100, liquidity: 4e5)],
                fee: 0.0005, price: 3000),
            try PerpVenue(markPrice: 3000, fee: 0.001, annualFundingRate: 0),
        ]
    }

    /// Bisection from the same starting bracket, to the same relative width.
    func bisection(_ side: TradeSide, _ total: Double, near start: Double, sum: (Double) -> Double) -> (near: Double, far: Double, evaluations: Int) {
        var evaluations = 0
        func counted(_ lambda: Double) -> Double { evaluations += 1; return sum(lambda) }
        var near = start, far = start
        repeat { far = side == .buy ? far * 2 : far / 2 } while counted(far) < total
        for _ in 0..<200 {
            let lambda = (near + far) / 2
            if lambda == near || lambda == far { break }
            if counted(lambda) < total { near = lambda } else { far = lambda }
            if abs(far - near) <= 1e-13 * abs(far) { break }
        }
        return (near, far, evaluations)
    }

    @Test func bracketsTheRootBisectionFindsInFewerEvaluations() throws {
        let venues = try venues()
        let subsets = [[1], [0, 1], [0, 2], [1, 2], [0, 1, 2]]
        for side in [TradeSide.buy, .sell] {
            let caps = venues.map { $0.largestSize(side, maxSlippage: 0.05) }
            let curves = venues.map { $0.marginalSizeCurve(side) }, mids = venues.map(\.midPrice)
            for subset in subsets {
                for total in [1.0, 20.0, 60.0, 150.0] {
                    guard subset.reduce(0.0, { $0 + caps[$1] }) > total else { continue }
                    func sum(_ lambda: Double) -> Double {
                        subset.reduce(0.0) { $0 + min(caps[$1], max(0, venues[$1].sizeAtMarginalPrice(side, lambda))) }
                    }
                    var evaluations = 0
                    let found = Router.commonMarginalPrice(side, total, subset, curves: curves, mids: mids) { lambda in
                        evaluations += 1
                        return sum(lambda)
                    }
                    let start = subset.map { mids[$0] }.reduce(side == .buy ? .infinity : 0) { side == .buy ? min($0, $1) : max($0, $1) }
                    let reference = bisection(side, total, near: start, sum: sum)
                    let label = "\(side) \(subset) \(total)"
                    // Each is a bracket: short below (buy) / above (sell), covering at the far end.
                    #expect(sum(found.near) < total && sum(found.far) >= total, "\(label)")
                    #expect(abs(found.far - found.near) <= 1e-13 * abs(found.far), "\(label)")
                    // The same root: the two brackets overlap.
                    #expect(abs(found.near - reference.near) <= 2e-13 * abs(reference.far), "\(label): \(found) vs \(reference)")
                    #expect(evaluations <= 30, "\(label): \(evaluations) evaluations")
                    #expect(evaluations < reference.evaluations, "\(label): \(evaluations) vs \(reference.evaluations)")
                }
            }
        }
    }

    /// Venues known only through the protocol (the default `.venue` curve, so the perp's jump
    /// is not located first: false position meets an unlimited size there and bisects)
    /// route like the venues themselves.
    @Test func venuesWithoutCurvesRouteTheSame() throws {
        struct Opaque: HedgeVenue {
            let venue: any HedgeVenue
            var midPrice: Double { venue.midPrice }
            func quote(_ side: TradeSide, base: Double) throws(VenueError) -> Fill { try venue.quote(side, base: base) }
            mutating func execute(_ side: TradeSide, base: Double) throws(VenueError) -> Fill { try venue.quote(side, base: base) }
            func sizeAtMarginalPrice(_ side: TradeSide, _ price: Double) -> Double { venue.sizeAtMarginalPrice(side, price) }
            func largestSize(_ side: TradeSide, maxSlippage: Double) -> Double { venue.largestSize(side, maxSlippage: maxSlippage) }
        }
        let venues = try venues()
        let opaque: [any HedgeVenue] = venues.map { Opaque(venue: $0) }
        #expect(opaque.allSatisfy { if case .venue = $0.marginalSizeCurve(.buy) { true } else { false } })
        for (side, total) in [(TradeSide.buy, 50.0), (.sell, 50.0), (.buy, 200.0)] {
            let plain = try Router.route(side, base: total, venues: venues, gas: [4, 6, 2], maxSlippage: 0.05, mode: .split)
            let wrapped = try Router.route(side, base: total, venues: opaque, gas: [4, 6, 2], maxSlippage: 0.05, mode: .split)
            #expect(plain.children.map(\.venue) == wrapped.children.map(\.venue))
            for (a, b) in zip(plain.children, wrapped.children) { #expect(abs(a.base - b.base) <= 1e-9 * total) }
            #expect(abs(plain.cash - wrapped.cash) <= 1e-6)
        }
    }
}
