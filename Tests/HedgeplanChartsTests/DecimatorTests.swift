import Testing
@testable import HedgeplanCharts
import HedgeplanTestSupport

/// Min/max-per-column decimation against a brute-force reference.
@Suite struct DecimatorTests {
    /// The reference: for each column, the indices of its first point, its first lowest,
    /// its first highest and its last point, in index order, without repeats.
    static func bruteForce(x: [Double], y: [Double], lo: Double, hi: Double, columns: Int) -> [Int] {
        var members = [[Int]](repeating: [], count: columns)
        for i in x.indices where x[i].isFinite && y[i].isFinite {
            let c = (x[i] - lo) * (Double(columns) / (hi - lo))
            members[c < 0 ? 0 : (c >= Double(columns) ? columns - 1 : Int(c))].append(i)
        }
        var kept: [Int] = []
        for m in members where !m.isEmpty {
            var lowest = m[0], highest = m[0]
            for i in m {
                if y[i] < y[lowest] { lowest = i }
                if y[i] > y[highest] { highest = i }
            }
            kept += Set([m[0], lowest, highest, m[m.count - 1]]).sorted()
        }
        return kept
    }

    static func randomWalk(count: Int, seed: UInt64) -> (x: [Double], y: [Double]) {
        var rng = ExampleCharts.SplitMix(seed: seed)
        var x: [Double] = [], y: [Double] = []
        var t = 0.0, v = 100.0
        for _ in 0..<count {
            t += rng.unit() * rng.unit() * 3  // uneven gaps, some columns empty
            v += rng.normal()
            x.append(t)
            y.append(v)
        }
        return (x, y)
    }

    @Test(arguments: [(1, UInt64(1)), (7, 2), (50, 3), (333, 4), (5000, 5)])
    func matchesBruteForce(_ columns: Int, _ seed: UInt64) {
        let (x, y) = Self.randomWalk(count: 20_000, seed: seed)
        let lo = x.first!, hi = x.last!
        let d = Decimator.decimate(x: x, y: y, xRange: lo...hi, columns: columns)
        let expected = Self.bruteForce(x: x, y: y, lo: lo, hi: hi, columns: columns)
        #expect(d.x == expected.map { x[$0] })
        #expect(d.y == expected.map { y[$0] })
        #expect(d.x.count <= 4 * columns)
    }

    /// Every column's extent survives, and so do the first and last points; the output is a
    /// subsequence of the input (order kept).
    @Test func envelopeAndOrderPreserved() {
        let (x, y) = Self.randomWalk(count: 100_000, seed: 11)
        let columns = 640
        let lo = x.first!, hi = x.last!
        let d = Decimator.decimate(x: x, y: y, xRange: lo...hi, columns: columns)
        func column(_ v: Double) -> Int { min(columns - 1, Int((v - lo) * (Double(columns) / (hi - lo)))) }
        var full = [(Double, Double)](repeating: (.infinity, -.infinity), count: columns)
        for i in x.indices { full[column(x[i])] = (min(full[column(x[i])].0, y[i]), max(full[column(x[i])].1, y[i])) }
        var kept = [(Double, Double)](repeating: (.infinity, -.infinity), count: columns)
        for i in d.x.indices { kept[column(d.x[i])] = (min(kept[column(d.x[i])].0, d.y[i]), max(kept[column(d.x[i])].1, d.y[i])) }
        for c in 0..<columns { #expect(full[c] == kept[c], "column \(c)") }
        #expect(d.x.first == x.first && d.y.first == y.first)
        #expect(d.x.last == x.last && d.y.last == y.last)
        var j = 0
        for i in x.indices where j < d.x.count && x[i] == d.x[j] && y[i] == d.y[j] { j += 1 }
        #expect(j == d.x.count, "output is an ordered subsequence of the input")
        #expect(d.x.count <= 4 * columns)
    }

    @Test func streamingEqualsBatch() {
        let (x, y) = Self.randomWalk(count: 10_000, seed: 5)
        var streaming = Decimator(xRange: x.first!...x.last!, columns: 100)
        for i in x.indices { streaming.add(x: x[i], y: y[i]) }
        let batch = Decimator.decimate(x: x, y: y, xRange: x.first!...x.last!, columns: 100)
        #expect(streaming.output().x == batch.x && streaming.output().y == batch.y)
        #expect(streaming.count == 10_000)
    }

    @Test func nonFiniteSkippedOutOfRangeClamped() {
        var d = Decimator(xRange: 0...10, columns: 10)
        d.add(x: [-5, 1, .nan, 2, 3, 20], y: [1, 2, 3, .infinity, 4, 5])
        #expect(d.count == 4 && d.skipped == 2 && d.clamped == 2)
        let out = d.output()
        #expect(out.x == [-5, 1, 3, 20])
        #expect(out.y == [1, 2, 4, 5])
    }

    @Test func degenerateRangeUsesOneColumn() {
        let d = Decimator.decimate(x: [5, 5, 5, 5, 5], y: [3, 1, 4, 1, 5], xRange: 5...5, columns: 100)
        #expect(d.y == [3, 1, 5])
    }

    @Test func plateauKeepsFirstMinimumAndMaximum() {
        let d = Decimator.decimate(x: [0, 1, 2, 3, 4], y: [2, 2, 2, 2, 2], xRange: 0...4, columns: 1)
        #expect(d.x == [0, 4])
    }

    /// A million points render into an SVG bounded by the plot's width, not the input.
    @Test func longSeriesGiveSmallSVG() {
        let n = 1_000_000
        var x = [Double](), y = [Double]()
        x.reserveCapacity(n)
        y.reserveCapacity(n)
        var v = 0.0
        var rng = ExampleCharts.SplitMix(seed: 3)
        for i in 0..<n {
            v += rng.unit() - 0.5
            x.append(1.7e12 + Double(i) * 1000)
            y.append(v)
        }
        let chart = Chart(title: "Long", x: .time(), y: .linear("Value"), series: [Series("Walk", x: x, y: y)],
                          size: Chart.Size(width: 800, height: 300))
        let svg = chart.render()
        #expect(svg.utf8.count < 120_000, "\(svg.utf8.count) bytes")
        let pathPoints = svg.split(separator: "L").count
        #expect(pathPoints <= 4 * 800 + 200)
    }
}
