import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import HedgeplanCharts
import HedgeplanTestSupport

/// The SVG itself: escaping, determinism, well-formedness, structure and a golden snapshot.
@Suite struct SVGOutputTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a<b & \"c\" 'd' >", "a&lt;b &amp; &quot;c&quot; &apos;d&apos; &gt;"),
        ("P&L", "P&amp;L"),
        ("bell\u{07}tab\tnl\n", "belltab\tnl\n"),
        ("ETH · −1,380 €", "ETH · −1,380 €"),
        ("&amp;", "&amp;amp;"),
    ])
    func escaping(_ input: String, _ expected: String) {
        #expect(SVGWriter.escape(input) == expected)
    }

    /// Parses `svg` (`XMLOutline`): whether it is well formed, its outline, the parser's error.
    static func parse(_ svg: String) -> (ok: Bool, collector: XMLOutline, error: String) {
        switch XMLOutline.parse(svg) {
        case .success(let outline): return (true, outline, "")
        case .failure(let error): return (false, XMLOutline(), error.message)
        }
    }

    static var hostileChart: Chart {
        Chart(title: "<script>alert('x')</script> & \"P&L\"", subtitle: "a < b > c \u{01}",
              x: .linear("Spot <x>", unit: "A&B"), y: .linear("'y'", format: .percent),
              series: [Series("s & t", x: [0, 1, .nan, 3], y: [0.1, .infinity, 0.3, -0.2]),
                       Series("<step>", kind: .step, x: [0, 1, 2, 3], y: [0, 0.2, 0.2, 0.1]),
                       Series("dots", kind: .scatter, x: [0.5, 1.5], y: [0.05, -0.1])],
              referenceLines: [.vertical(at: 1, label: "K<1>"), .horizontal(at: 0.25, label: "\"cap\"")],
              annotations: [Annotation(x: 2, y: 0.2, text: "a&b")],
              idPrefix: "1 bad id!")
    }

    @Test func wellFormedXML() {
        let charts: [(String, String)] = [
            ("payoff", ExampleCharts.ironCondor().render()),
            ("hostile", Self.hostileChart.render()),
            ("empty", Chart(title: "", x: .linear(""), y: .linear("")).render()),
            ("stack", ExampleCharts.runStack(ExampleCharts.run(count: 3000)).render()),
            ("time, one point", Chart(title: "t", x: .time(), y: .linear("v"), series: [Series("p", x: [1.7e12], y: [1])]).render()),
        ]
        for (name, svg) in charts {
            let (ok, collector, error) = Self.parse(svg)
            #expect(ok, "\(name): \(error)")
            #expect(collector.elements.first == "svg", "\(name)")
            #expect(collector.attributes.first?["viewBox"] != nil, "\(name)")
            #expect(collector.elements.prefix(4) == ["svg", "title", "desc", "style"], "\(name)")
        }
    }

    @Test func hostileTextIsEscapedNotInterpreted() {
        let (ok, collector, _) = Self.parse(Self.hostileChart.render())
        #expect(ok)
        #expect(!collector.elements.contains("script"))
        #expect(collector.texts.joined().contains("<script>alert('x')</script> & \"P&L\""))
        #expect(collector.attributes.first?["id"] == "hc1badid")
    }

    @Test func deterministic() {
        let a = ExampleCharts.ironCondor().render()
        let b = ExampleCharts.ironCondor().render()
        #expect(a == b)
        let r1 = ExampleCharts.runStack(ExampleCharts.run(count: 5000)).render()
        let r2 = ExampleCharts.runStack(ExampleCharts.run(count: 5000)).render()
        #expect(r1 == r2)
    }

    /// What a payoff chart must contain: title and desc for screen readers, both fills,
    /// the breakeven labels, a zero line, tick labels with the typographic minus.
    @Test func payoffStructure() {
        let svg = ExampleCharts.ironCondor().render()
        let (_, c, _) = Self.parse(svg)
        let text = c.texts.joined(separator: "|")
        #expect(text.contains("BE 2,638") && text.contains("BE 3,362"))
        #expect(text.contains("\u{2212}1,500") && text.contains("1,000"))
        #expect(text.contains("Spot at expiry (USDC)") && text.contains("P&L (USDC)"))
        let fills = c.attributes.compactMap { $0["fill"] }
        #expect(fills.contains(Palette.standard.profit.description))
        #expect(fills.contains(Palette.standard.loss.description))
        let desc = c.texts.first { $0.hasPrefix("Chart of") } ?? ""
        #expect(desc.contains("Spot at expiry (USDC), 2,000 to 4,000"), "\(desc)")
        #expect(svg.contains("<clipPath id=\"") && svg.contains("aria-labelledby="))
        // strikes and breakevens: six vertical lines
        #expect(c.elements.filter { $0 == "line" }.count >= 6)
    }

    @Test func distinctTitlesGiveDistinctIDs() {
        let a = Chart(title: "Price", x: .time(), y: .linear("p")).resolvedIDPrefix
        let b = Chart(title: "Net delta", x: .time(), y: .linear("p")).resolvedIDPrefix
        #expect(a != b && a.hasPrefix("hc") && a.count == 10)
    }

    /// x tick labels never overlap, whatever the width (estimated text widths).
    @Test(arguments: [240.0, 320, 480, 800, 1200])
    func xLabelsDoNotOverlap(_ width: Double) {
        for chart in [ExampleCharts.ironCondor(size: Chart.Size(width: width, height: 300)),
                      Chart(title: "t", x: .time(), y: .linear("v"),
                            series: [Series("s", x: [1.7e12, 1.7e12 + 9e9], y: [1, 2])],
                            size: Chart.Size(width: width, height: 300))] {
            let r = ChartRenderer(chart: chart)
            let l = r.layout(width: width, height: 300)
            #expect(l.xTicks.count >= 2, "\(width)")
            for (a, b) in zip(l.xTicks, l.xTicks.dropFirst()) {
                let need = (SVGWriter.textWidth(a.label, fontSize: 11) + SVGWriter.textWidth(b.label, fontSize: 11)) / 2
                #expect(b.position - a.position >= need, "\(width): \(a.label) / \(b.label)")
            }
            if let last = l.xTicks.last {
                #expect(last.position + SVGWriter.textWidth(last.label, fontSize: 11) / 2 <= width, "clipped at \(width)")
            }
            #expect(l.plotLeft > 0 && l.plotRight <= width && l.plotBottom < 300)
        }
    }

    /// The golden payoff chart. Re-record with `HEDGEPLAN_RECORD=1`.
    @Test func payoffGolden() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/iron-condor-payoff.svg")
        let svg = ExampleCharts.ironCondor(withModel: false, size: Chart.Size(width: 640, height: 400)).render()
        #expect(Golden.mismatch(svg, golden: url) == nil)
    }
}

