import Testing
@testable import HedgeplanRuntime

/// The report's series recorder: buckets that merge in pairs when the buffer fills, each
/// keeping its first, lowest, highest and last point.
struct SeriesRecorderTests {
    static let names = (0..<9).map { "series \($0)" }

    static func record(_ points: [(Int64, Double)], buckets: Int) -> [RunSeries.Line] {
        var recorder = SeriesRecorder(names: names, buckets: buckets)
        for (t, v) in points {
            // Series s carries v + s, so that every series is checked, not only the first.
            recorder.add(t, (v, v + 1, v + 2, v + 3, v + 4, v + 5, v + 6, v + 7, v + 8))
        }
        return recorder.finish()
    }

    /// Worked by hand with two buckets: (0,5) and (1,3) fill the buffer when (2,8) arrives
    /// and merge (width 2); (2,8) and (3,1) share a bucket, which merges with the first when
    /// (4,7) arrives (width 4); finishing closes (4,7) and merges once more. What survives:
    /// the first point, the low (3,1), the high (2,8) and the last (4,7), in time order.
    @Test func twoBucketsMergeToFirstLowHighLast() {
        let lines = Self.record([(0, 5), (1, 3), (2, 8), (3, 1), (4, 7)], buckets: 2)
        #expect(lines.count == 9)
        for (s, line) in lines.enumerated() {
            #expect(line.times == [0, 2, 3, 4])
            #expect(line.values == [5, 8, 1, 7].map { $0 + Double(s) })
        }
    }

    /// A long random walk through a small buffer: the first, last, lowest and highest points
    /// of the whole walk survive every merge; times stay in order; at most four points a bucket.
    @Test(arguments: [4, 10, 64])
    func spikesSurviveEveryMerge(buckets: Int) {
        var state: UInt64 = 42
        var value = 100.0
        var points: [(Int64, Double)] = []
        for t in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            value += Double(Int64(state >> 40) % 201 - 100) / 10
            points.append((Int64(t) * 60_000, value))
        }
        let line = Self.record(points, buckets: buckets)[3]
        let shifted = points.map { ($0.0, $0.1 + 3) }
        let low = shifted.min { $0.1 < $1.1 }!, high = shifted.max { $0.1 < $1.1 }!
        #expect(line.times.first == shifted.first!.0 && line.values.first == shifted.first!.1)
        #expect(line.times.last == shifted.last!.0 && line.values.last == shifted.last!.1)
        #expect(zip(line.times, line.values).contains { $0 == low.0 && $1 == low.1 })
        #expect(zip(line.times, line.values).contains { $0 == high.0 && $1 == high.1 })
        #expect(line.times == line.times.sorted())
        #expect(line.times.count <= 4 * buckets)
    }
}
