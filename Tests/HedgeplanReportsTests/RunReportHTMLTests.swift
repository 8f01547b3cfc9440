import Foundation
import HedgeplanCharts
@testable import HedgeplanRuntime
import Testing
@testable import HedgeplanReports

/// `dry-run --report`: the HTML page of a small deterministic run.
@Suite struct RunReportHTMLTests {
    static let result: Result<RunResult, any Error> = Result { try ReportFixtures.run() }

    func html() throws -> String {
        RunReportHTML(try Self.result.get(), feed: ReportFixtures.smallFeed, plan: try ReportFixtures.plan("eth-iron-condor-perp-hedged.yaml")).render()
    }

    @Test func matchesItsGoldenPage() throws {
        try ReportFixtures.expectGolden(try html(), "eth-iron-condor-gbm.report.html")
    }

    @Test func sameRunGivesTheSameBytes() throws {
        let again = RunReportHTML(
            try ReportFixtures.run(), feed: ReportFixtures.smallFeed, plan: try ReportFixtures.plan("eth-iron-condor-perp-hedged.yaml")).render()
        #expect(try html() == again)
    }

    /// No scripts, no external resources: only the SVG namespace URI looks like a URL.
    @Test func isSelfContained() throws {
        let page = try html()
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.hasSuffix("</html>\n"))
        for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "@font-face", "src=", "href=", "url(http", "javascript:"] {
            #expect(!page.contains(forbidden), "\(forbidden)")
        }
        let urls = page.components(separatedBy: "http").count - 1
        let namespaces = page.components(separatedBy: "http://www.w3.org/2000/svg\"").count - 1
        #expect(urls == namespaces)
    }

    /// Six inline SVG charts (equity and drawdown in one, two panels), each well formed, with
    /// distinct ids and a shared time span.
    @Test func chartsAreWellFormedInlineSVG() throws {
        let page = try html()
        let svgs = page.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        #expect(svgs.count == 6)
        var ids: [String] = []
        var titles: [String] = []
        for svg in svgs {
            let xml = try #require(ReportFixtures.parseXML(svg))
            ids += xml.attributes.compactMap { $0["id"] }
            titles.append(xml.texts.first ?? "")
            #expect(!svg.contains("NaN"))
            #expect(xml.elements.contains("path"))
        }
        #expect(Set(ids).count == ids.count, "duplicate ids across charts")
        #expect(titles == ["Price", "Net delta before and after hedging", "Hedge position", "Cumulative P&L by component", "Equity and drawdown", "Costs"])
        let charts = RunReportCharts(try Self.result.get()).all()
        #expect(Set(charts.map { $0.xAxis.domain }).count == 1)
        #expect(charts.allSatisfy { !$0.series.isEmpty && $0.series.allSatisfy { $0.count > 0 || $0.kind == .scatter } })
    }

    /// The P&L table: every component to the cent, the costs and the total.
    @Test func pnlTableShowsComponentsToTheCent() throws {
        let r = try Self.result.get()
        let page = try html()
        for amount in [r.pnl.options, r.pnl.hedge, r.pnl.fees, r.pnl.slippage, r.pnl.gas, r.pnl.funding, r.pnl.costs, r.pnl.total] {
            #expect(page.contains(">\(HTMLText.money(amount))</td>"), "\(amount)")
        }
        #expect(page.contains("<tr class=\"total\"><th scope=\"row\">Total</th>"))
        #expect(r.hedges > 0)
        #expect(page.contains("<th scope=\"row\">Rebalances</th><td>\(HTMLText.count(r.hedges))</td>"))
        #expect(page.contains("Feed <code>gbm:spot=3000,vol=0.8,days=3,step=5m,seed=7</code>"))
        #expect(page.contains("\(HTMLText.count(r.ticks)) ticks"))
    }

    @Test func escapesWhatComesFromTheUser() throws {
        var r = try Self.result.get()
        r.strategy = "<b>x</b> & \"y\""
        r.notes = ["<script>alert(1)</script>"]
        let page = RunReportHTML(r, feed: "a<b>.csv").render()
        #expect(!page.contains("<b>x</b>") && !page.contains("<script>") && !page.contains("a<b>"))
        #expect(page.contains("&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;"))
    }

    @Test func breakerEventsAreListedWithTheirTimes() throws {
        var r = try Self.result.get()
        let t = r.firstTime! + 3_600_000
        r.breakerEvents = [BreakerEvent(time: t, condition: "price_move", action: "halt", measured: 0.0825),
                           BreakerEvent(time: t + 60_000, condition: "feed_stale", action: "halt", measured: 75)]
        let page = RunReportHTML(r).render()
        #expect(page.contains("<td>\(HTMLText.time(t))</td><td><code>price_move</code></td><td class=\"num\">8.25%</td><td>halt</td>"))
        #expect(page.contains("<td class=\"num\">75 s</td>"))
        #expect(page.contains("price_move → halt"))  // marked on the price chart
    }

    @Test func aRunWithoutTicksStillRenders() throws {
        var r = try Self.result.get()
        r.ticks = 0
        r.firstTime = nil
        r.lastTime = nil
        let page = RunReportHTML(r).render()
        #expect(page.contains("nothing to draw"))
        #expect(!page.contains("<svg"))
    }

    @Test func textHelpers() {
        #expect(HTMLText.money(-1234.565) == "\u{2212}1,234.57" || HTMLText.money(-1234.565) == "\u{2212}1,234.56")
        #expect(HTMLText.money(0.004) == "0.00")
        #expect(HTMLText.time(0) == "1970-01-01 00:00 UTC")
        #expect(HTMLText.time(1_500) == "1970-01-01 00:00:01 UTC")
        #expect(HTMLText.duration(milliseconds: 94_672_800_000) == "1,095 days 18 h")
        #expect(HTMLText.duration(milliseconds: 21_900_000) == "6 h 5 min")
        #expect(HTMLText.duration(milliseconds: 42_000) == "42 s")
    }
}
