import Testing
@testable import Venues

/// The router against brute force: exact quotes on a grid of divisions, gas counted per
/// venue used. Outlay = QUOTE paid (buy) + gas.
struct RouterTests {
    func constantProduct() throws -> ConstantProductPool { try ConstantProductPool(base: 4000, quote: 12_000_000, fee: 0.003) }
    func concentrated() throws -> ConcentratedLiquidityPool {
        try ConcentratedLiquidityPool(
            positions: [.init(lower: 2400, upper: 3600, liquidity: 9e5), .init(lower: 2900, upper: 3100, liquidity: 4e5)],
            fee: 0.0005, price: 3000)
    }
    func perp() throws -> PerpVenue { try PerpVenue(markPrice: 3000, fee: 0.001, annualFundingRate: 0) }

    func outlay(_ plan: Router.Plan) -> Double { plan.cash + plan.children.reduce(0) { $0 + $1.gas } }

    func cost(_ venue: any HedgeVenue, _ size: Double, gas: Double) throws -> Double {
        size <= 0 ? 0 : try venue.quote(.buy, base: size).quote + gas
    }

    @Test func splitMatchesBruteForceOnTwoPools() throws {
        let a = try constantProduct(), b = try concentrated()
        let total = 60.0
        let plan = try Router.route(.buy, base: total, venues: [a, b], gas: [0, 0], maxSlippage: 0.05, mode: .split)
        #expect(plan.unfilled == 0)
        #expect(abs(plan.filled - total) < 1e-9)
        var gridBest = Double.infinity
        for step in 0...600 {
            let xa = total * Double(step) / 600
            gridBest = min(gridBest, try cost(a, xa, gas: 0) + cost(b, total - xa, gas: 0))
        }
        // The router may beat the grid (it is not tied to 0.1-BASE steps), never lose to it.
        #expect(outlay(plan) <= gridBest + 1e-6)
        #expect(outlay(plan) >= gridBest - 1.0)   // and the grid is close: cost is flat at the optimum
        // Marginal prices are equal at the optimum: both pools end at the same marginal price.
        let ca = plan.children.first { $0.venue == 0 }!, cb = plan.children.first { $0.venue == 1 }!
        // v2 keeps its fee in the reserves, so its marginal price is k/((x-Δ)^2 (1-f)) with the
        // k before the trade; v3 keeps fees outside the curve: marginal = P_after/(1-f).
        let marginalA = 4000 * 12_000_000 / ((4000 - ca.base) * (4000 - ca.base) * (1 - 0.003))
        let marginalB = cb.fill.midAfter / (1 - 0.0005)
        #expect(abs(marginalA / marginalB - 1) < 1e-6)
    }

    @Test func splitWithPerpAndGasMatchesBruteForce() throws {
        let venues: [any HedgeVenue] = [try constantProduct(), try concentrated(), try perp()]
        let gas = [4.0, 6.0, 2.0]
        let total = 200.0, steps = 100
        let plan = try Router.route(.buy, base: total, venues: venues, gas: gas, maxSlippage: 0.05, mode: .split)
        #expect(abs(plan.filled - total) < 1e-9)
        // Costs on the grid, computed once per venue and size.
        let sizes = (0...steps).map { total * Double($0) / Double(steps) }
        let costA = try sizes.map { try cost(venues[0], $0, gas: gas[0]) }
        let costB = try sizes.map { try cost(venues[1], $0, gas: gas[1]) }
        var gridBest = Double.infinity
        for i in 0...steps {
            for j in 0...(steps - i) {
                let rest = total - sizes[i] - sizes[j]
                gridBest = min(gridBest, costA[i] + costB[j] + (try cost(venues[2], rest, gas: gas[2])))
            }
        }
        #expect(outlay(plan) <= gridBest + 1e-6)
        // The perp's flat price 3003 caps every pool's marginal price.
        for child in plan.children where child.venue != 2 {
            #expect(child.fill.midAfter <= 3003 + 1e-6)
        }
    }

    /// A small hedge on two identical pools: splitting halves the impact (about 0.375 QUOTE
    /// saved on 1 BASE) but a second trade costs 3 QUOTE of gas, so one venue is used.
    @Test func splitDropsAVenueWhenGasOutweighsImpact() throws {
        let a = try constantProduct(), b = try constantProduct()
        let gas = [3.0, 3.0]
        let total = 1.0
        let plan = try Router.route(.buy, base: total, venues: [a, b], gas: gas, maxSlippage: 0.05, mode: .split)
        #expect(plan.children.count == 1)
        var gridBest = Double.infinity
        for step in 0...100 {
            let xa = total * Double(step) / 100
            gridBest = min(gridBest, try cost(a, xa, gas: gas[0]) + cost(b, total - xa, gas: gas[1]))
        }
        #expect(abs(outlay(plan) - gridBest) < 1e-6)
        // Without gas both are used, half each.
        let free = try Router.route(.buy, base: total, venues: [a, b], gas: [0, 0], maxSlippage: 0.05, mode: .split)
        #expect(free.children.count == 2)
        #expect(free.children.allSatisfy { abs($0.base - 0.5) < 1e-9 })
        // Before gas the split is cheaper; after gas (3 vs 6) the single trade is.
        #expect(outlay(plan) - 3 > outlay(free))
        #expect(outlay(plan) < outlay(free) + 6)
    }

    @Test func bestPicksTheCheapestSingleVenue() throws {
        let venues: [any HedgeVenue] = [try constantProduct(), try concentrated(), try perp()]
        let gas = [1.0, 1.0, 1.0]
        for total in [0.5, 20.0, 300.0] {
            let plan = try Router.route(.buy, base: total, venues: venues, gas: gas, maxSlippage: 0.05, mode: .best)
            #expect(plan.children.count == 1)
            let costs = try venues.indices.map { try cost(venues[$0], total, gas: gas[$0]) }
            #expect(plan.children[0].venue == costs.indices.min { costs[$0] < costs[$1] })
            #expect(abs(outlay(plan) - costs.min()!) < 1e-9)
        }
    }

    @Test func sellSplitMatchesBruteForce() throws {
        let a = try constantProduct(), b = try concentrated()
        let total = 40.0
        let plan = try Router.route(.sell, base: total, venues: [a, b], gas: [0, 0], maxSlippage: 0.05, mode: .split)
        var gridBest = -Double.infinity
        for step in 0...400 {
            let xa = total * Double(step) / 400
            let received = (xa > 0 ? try a.quote(.sell, base: xa).quote : 0) + (xa < total ? try b.quote(.sell, base: total - xa).quote : 0)
            gridBest = max(gridBest, received)
        }
        #expect(plan.cash >= gridBest - 1e-6)
    }

    /// Every child stays within the cap; what no venue can take within it is left unfilled.
    @Test func slippageCapPerChild() throws {
        let venues: [any HedgeVenue] = [try constantProduct(), try concentrated()]
        let capA = venues[0].largestSize(.buy, maxSlippage: 0.005), capB = venues[1].largestSize(.buy, maxSlippage: 0.005)
        let total = (capA + capB) * 1.5
        let plan = try Router.route(.buy, base: total, venues: venues, gas: [0, 0], maxSlippage: 0.005, mode: .split)
        for child in plan.children { #expect(child.fill.slippage <= 0.005 + 1e-12) }
        #expect(abs(plan.filled - (capA + capB)) < 1e-6)
        #expect(abs(plan.unfilled - (capA + capB) * 0.5) < 1e-6)
        // The CP pool's cap by hand (see ConstantProductPoolTests): 7.92427 BASE.
        #expect(abs(capA - 4000 * (1 - 1 / (1.005 * 0.997))) < 1e-6)
    }
}
