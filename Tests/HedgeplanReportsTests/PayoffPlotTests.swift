import Foundation
import HedgeplanChecker
import HedgeplanCharts
import Testing
@testable import HedgeplanReports
import HedgeplanFormatting

/// `analyze --plot`: the payoff SVG of bundled strategies.
@Suite struct PayoffPlotTests {
    @Test func ironCondorMatchesItsGoldenSVG() throws {
        let svg = PayoffPlot(try ReportFixtures.analysis("eth-iron-condor-perp-hedged.yaml")).render()
        try ReportFixtures.expectGolden(svg, "eth-iron-condor-perp-hedged.payoff.svg")
    }

    @Test func ironCondorSVGIsWellFormedAndLabelled() throws {
        let analysis = try ReportFixtures.analysis("eth-iron-condor-perp-hedged.yaml")
        let svg = PayoffPlot(analysis).render()
        let xml = try #require(ReportFixtures.parseXML(svg))
        #expect(xml.elements.first == "svg")
        #expect(xml.attributes.first?["viewBox"] == "0 0 880 520")
        #expect(xml.attributes.first?["xmlns"] == "http://www.w3.org/2000/svg")
        let texts = Set(xml.texts)
        #expect(texts.contains("eth-iron-condor-perp-hedged · payoff"))
        #expect(texts.contains("Spot (USDC per ETH)"))
        #expect(texts.contains("P&L (USDC)"))
        for strike in ["K 2,600", "K 2,800", "K 3,200", "K 3,400"] { #expect(texts.contains(strike), "\(strike)") }
        #expect(texts.contains("spot 3,000"))
        for be in analysis.payoff.breakevens { #expect(texts.contains("BE " + Money.plain(be))) }
        #expect(analysis.payoff.breakevens.count == 2)
        #expect(texts.contains { $0.hasPrefix("max profit ") })
        #expect(texts.contains { $0.hasPrefix("max loss \u{2212}") })
        #expect(texts.contains("P&L at expiry"))
        #expect(texts.contains { $0.hasPrefix("Today (merton model") })
        #expect(texts.contains { $0.contains("exact payoff at expiry") })
        // One dashed model line, and profit and loss shading.
        #expect(xml.attributes.filter { $0["stroke-dasharray"] == "6 4" }.count == 1)
        #expect(xml.attributes.filter { $0["fill"] == "#009e73" }.count == 2)  // legend swatch and shading
        #expect(xml.attributes.filter { $0["fill"] == "#cc3311" }.count == 2)  // legend swatch and both wings in one path
        #expect(!svg.contains("NaN") && !svg.contains("inf"))
    }

    /// The expiry line goes through every strike and breakeven, beyond the outer strikes,
    /// and is straight between its points: its values are the exact payoff.
    @Test func exactLinePassesThroughEveryKink() throws {
        let analysis = try ReportFixtures.analysis("eth-iron-condor-perp-hedged.yaml")
        let plot = PayoffPlot(analysis)
        let chart = plot.chart()
        let line = chart.series[0]
        for k in plot.strikes() + analysis.payoff.breakevens { #expect(line.x.contains(k), "\(k)") }
        #expect(line.x.first! < 2600 && line.x.last! > 3400)
        for (x, y) in zip(line.x, line.y) { #expect(y == analysis.payoff.evaluate(x)) }
        // Between consecutive points the payoff is linear: check the midpoints.
        for i in 1..<line.x.count {
            let mid = (line.x[i - 1] + line.x[i]) / 2
            #expect(abs(analysis.payoff.evaluate(mid) - (line.y[i - 1] + line.y[i]) / 2) < 1e-6)
        }
        // Today's model value is zero-ish at spot: the legs are priced by the model.
        let today = chart.series[1]
        let atSpot = zip(today.x, today.y).min { abs($0.0 - 3000) < abs($1.0 - 3000) }!
        #expect(abs(atSpot.1) < 50)
    }

    @Test(arguments: ["eth-calendar.yaml"])
    func modelBasedPayoffsSaySo(_ strategy: String) throws {
        let svg = PayoffPlot(try ReportFixtures.analysis(strategy)).render()
        let xml = try #require(ReportFixtures.parseXML(svg))
        #expect(xml.texts.contains { $0.contains("model-based") })
        #expect(xml.texts.contains { $0.hasPrefix("P&L at first expiry (model)") })
        #expect(!svg.contains("NaN"))
    }

    /// Liquidity positions are exact over [0, inf) (issue 10, item 9): no "model-based"
    /// label, and the drawn curve follows the square-root pieces closely (the profile's
    /// grid is dense enough that joining its points stays within 0.5% of capital).
    @Test(arguments: ["eth-lp-full-range.yaml", "eth-lp-hedge-univ3.yaml"])
    func liquidityPayoffsAreExact(_ strategy: String) throws {
        let analysis = try ReportFixtures.analysis(strategy)
        #expect(!analysis.payoff.isModelBased)
        let plot = PayoffPlot(analysis)
        let svg = plot.render()
        #expect(!svg.contains("model-based"))
        #expect(!svg.contains("NaN"))
        let line = plot.chart().series[0]
        let capital = analysis.legs.reduce(0.0) { total, leg in
            if case .liquidity(_, let c) = leg.terms { return total + c }
            return total
        }
        for i in 1..<line.x.count {
            let mid = (line.x[i - 1] + line.x[i]) / 2
            #expect(abs(analysis.payoff.evaluate(mid) - (line.y[i - 1] + line.y[i]) / 2) < 0.005 * capital, "at \(mid)")
        }
    }

    @Test func everyBundledStrategyPlotsAndRendersTheSameTwice() throws {
        let dir = ReportFixtures.root.appendingPathComponent("strategies")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 10)
        for file in files {
            let analysis = try ReportFixtures.analysis(file)
            let a = PayoffPlot(analysis).render(), b = PayoffPlot(analysis).render()
            #expect(a == b, "\(file)")
            #expect(ReportFixtures.parseXML(a) != nil, "\(file)")
            #expect(!a.contains("NaN"), "\(file)")
        }
    }
}
