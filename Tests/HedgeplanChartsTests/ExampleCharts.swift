import Foundation
@testable import HedgeplanCharts
import HedgeplanFormatting
import HedgeplanTime
import HedgeplanTestSupport

/// The example charts the tests render, snapshot and (with `HEDGEPLAN_CHARTS_OUT=dir`)
/// write out for looking at.
enum ExampleCharts {
    /// The seeded generator the test series draw from.
    typealias SplitMix = SeededGenerator

    /// An iron condor leg: strike, put or call, signed quantity (+ long, - short).
    struct Leg {
        var strike: Double
        var isCall: Bool
        var quantity: Double
    }

    static let condorLegs = [
        Leg(strike: 2500, isCall: false, quantity: 10), Leg(strike: 2700, isCall: false, quantity: -10),
        Leg(strike: 3300, isCall: true, quantity: -10), Leg(strike: 3500, isCall: true, quantity: 10),
    ]
    static let netPremium = 620.0

    /// P&L at expiry: the premium received plus the legs' intrinsic values.
    static func payoffAtExpiry(_ spot: Double) -> Double {
        condorLegs.reduce(netPremium) { acc, leg in
            acc + leg.quantity * max(0, leg.isCall ? spot - leg.strike : leg.strike - spot)
        }
    }

    static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// Black-Scholes value, zero rates.
    static func blackScholes(spot: Double, strike: Double, isCall: Bool, vol: Double, years: Double) -> Double {
        let sd = vol * years.squareRoot()
        let d1 = (log(spot / strike) + sd * sd / 2) / sd
        let d2 = d1 - sd
        return isCall ? spot * normalCDF(d1) - strike * normalCDF(d2)
            : strike * normalCDF(-d2) - spot * normalCDF(-d1)
    }

    /// P&L under the model with `years` to expiry at 45% volatility (the volatility at
    /// which 620 USDC is about the condor's fair premium 30 days out at spot 3,000).
    static func modelValue(_ spot: Double, years: Double = 30 / 365) -> Double {
        condorLegs.reduce(netPremium) { acc, leg in
            acc + leg.quantity * blackScholes(spot: spot, strike: leg.strike, isCall: leg.isCall, vol: 0.45,
                                              years: years)
        }
    }

    /// The position's delta in ETH under the model.
    static func modelDelta(_ spot: Double, years: Double) -> Double {
        let sd = 0.45 * years.squareRoot()
        return condorLegs.reduce(0) { acc, leg in
            let d1 = (log(spot / leg.strike) + sd * sd / 2) / sd
            return acc + leg.quantity * (leg.isCall ? normalCDF(d1) : normalCDF(d1) - 1)
        }
    }

    /// The iron condor payoff chart that `analyze --plot` draws.
    static func ironCondor(withModel: Bool = true, size: Chart.Size = Chart.Size(width: 800, height: 480)) -> Chart {
        let kinks = [2000.0, 2500, 2638, 2700, 3300, 3362, 3500, 4000]
        var series = [Series("P&L at expiry", kind: .area, x: kinks, y: kinks.map(payoffAtExpiry),
                             color: Color(hex: 0x1F2328))]
        if withModel {
            let grid = stride(from: 2000.0, through: 4000, by: 10).map { $0 }
            series.append(Series("Today (model, 45% vol, 30 days)", x: grid, y: grid.map { modelValue($0) },
                                 color: Color(hex: 0x0072B2), dashed: true))
        }
        var refs: [ReferenceLine] = condorLegs.map {
            .vertical(at: $0.strike, label: NumberFormat.compact($0.strike), style: .strike)
        }
        refs += [2638.0, 3362].map { .vertical(at: $0, label: "BE " + NumberFormat.compact($0), style: .breakeven) }
        return Chart(
            title: "Iron condor · ETH 2,500 / 2,700 / 3,300 / 3,500 × 10",
            subtitle: "Net premium received 620 USDC · max profit 620 · max loss 1,380",
            x: .linear("Spot at expiry", unit: "USDC"),
            y: .linear("P&L", unit: "USDC"),
            series: series,
            referenceLines: refs,
            annotations: [Annotation(x: 3000, y: 620, text: "max profit 620"),
                          Annotation(x: 2250, y: -1380, text: "max loss −1,380", below: true)],
            size: size)
    }

    /// A synthetic dry run: price, net delta before and after hedging, hedge position,
    /// cumulative P&L by component, costs; `count` ticks one second apart.
    struct Run {
        var time: [Double] = [], price: [Double] = []
        var deltaBefore: [Double] = [], deltaAfter: [Double] = [], hedge: [Double] = []
        var optionPnL: [Double] = [], hedgePnL: [Double] = [], costs: [Double] = [], total: [Double] = []
    }

    static func run(count: Int, seed: UInt64 = 7) -> Run {
        var rng = SplitMix(seed: seed)
        var r = Run()
        for array in [\Run.time, \Run.price, \Run.deltaBefore, \Run.deltaAfter, \Run.hedge,
                      \Run.optionPnL, \Run.hedgePnL, \Run.costs, \Run.total] {
            r[keyPath: array].reserveCapacity(count)
        }
        let start = UTCDateTime(year: 2024, month: 3, day: 1, hour: 8).millisecondsSinceEpoch
        let days = 29.5
        let stepYears = days / 365 / Double(count)
        let stepMs = days * 86_400_000 / Double(count)
        var price = 3000.0, hedge = 0.0, hedgePnL = 0.0, costs = 0.0
        let volPerStep = 0.45 * stepYears.squareRoot()
        for i in 0..<count {
            let previous = price
            price *= exp(volPerStep * rng.normal() - volPerStep * volPerStep / 2)
            let years = (30 - days * Double(i + 1) / Double(count)) / 365
            hedgePnL += hedge * (price - previous)
            let before = modelDelta(price, years: years) + hedge
            if abs(before) > 1.5 {
                costs -= 2 + 0.0005 * abs(before) * price
                hedge -= before
            }
            let option = modelValue(price, years: years)
            r.time.append(start + Double(i + 1) * stepMs)
            r.price.append(price)
            r.deltaBefore.append(before)
            r.deltaAfter.append(before - (abs(before) > 1.5 ? before : 0))
            r.hedge.append(hedge)
            r.optionPnL.append(option)
            r.hedgePnL.append(hedgePnL)
            r.costs.append(costs)
            r.total.append(option + hedgePnL + costs)
        }
        return r
    }

    /// The dry-run report's three panels.
    static func runStack(_ r: Run) -> ChartStack {
        let rebalances = r.time.indices.filter { r.deltaBefore[$0] != r.deltaAfter[$0] }
        let price = Chart(title: "ETH price", x: .time("Time"), y: .linear("Price", unit: "USDC"),
                          series: [Series("Spot", x: r.time, y: r.price, lineWidth: 1.25)], showsLegend: false,
                          size: Chart.Size(width: 800, height: 230))
        let delta = Chart(title: "Net delta", x: .time("Time"), y: .linear("Delta", unit: "ETH", includesZero: true),
                          series: [Series("After hedge", x: r.time, y: r.deltaAfter, color: Color(hex: 0x0072B2), lineWidth: 1.25),
                                   Series("Before hedge (at rebalances)", kind: .scatter, x: rebalances.map { r.time[$0] },
                                          y: rebalances.map { r.deltaBefore[$0] }, color: Color(hex: 0xD55E00), markerRadius: 3),
                                   Series("Hedge position", kind: .step, x: r.time, y: r.hedge, color: Color(hex: 0x999999), dashed: true)],
                          size: Chart.Size(width: 800, height: 250))
        let pnl = Chart(title: "Cumulative P&L by component", x: .time("Time"),
                        y: .linear("P&L", unit: "USDC", includesZero: true),
                        series: [Series("Options", x: r.time, y: r.optionPnL),
                                 Series("Hedge", x: r.time, y: r.hedgePnL),
                                 Series("Costs", kind: .step, x: r.time, y: r.costs),
                                 Series("Total", x: r.time, y: r.total, color: Color(hex: 0x1F2328), lineWidth: 2.25)],
                        size: Chart.Size(width: 800, height: 270))
        return ChartStack(title: "Dry run · iron condor, delta-hedged · 30 days",
                          subtitle: "\(NumberFormat.compact(Double(r.time.count), minus: "-")) ticks · synthetic GBM, 45% vol",
                          panels: [price, delta, pnl])
    }
}
