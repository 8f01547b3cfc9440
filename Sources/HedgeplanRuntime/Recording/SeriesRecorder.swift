/// Records several series that share one clock, small whatever the run's length: time is cut
/// into buckets, and each bucket keeps, per series, its first, lowest, highest and last value
/// (min/max decimation, so every spike survives). When the buckets fill the buffer, adjacent
/// pairs merge and the bucket width doubles. Memory is fixed at start; the per-tick path is a
/// comparison and a few min/max updates, with no allocation.
struct SeriesRecorder: Sendable {
    struct Bucket: Sendable {
        var start: Int64
        var firstTime: Int64, lowTime: Int64, highTime: Int64, lastTime: Int64
        var first: Double, low: Double, high: Double, last: Double

        init(_ time: Int64, _ value: Double) {
            start = time
            (firstTime, lowTime, highTime, lastTime) = (time, time, time, time)
            (first, low, high, last) = (value, value, value, value)
        }

        @inline(__always) mutating func add(_ time: Int64, _ value: Double) {
            if value < low { low = value; lowTime = time }
            if value > high { high = value; highTime = time }
            last = value
            lastTime = time
        }

        /// The pair as one bucket (`self` earlier than `next`).
        func merged(with next: Bucket) -> Bucket {
            var b = self
            if next.low < b.low { b.low = next.low; b.lowTime = next.lowTime }
            if next.high > b.high { b.high = next.high; b.highTime = next.highTime }
            b.last = next.last
            b.lastTime = next.lastTime
            return b
        }
    }

    let names: [String]
    /// Closed buckets, series-major: `closed[s]` for series s.
    private var closed: [[Bucket]]
    private var open: [Bucket] = []
    private var bucketWidth: Int64 = 1
    private let capacity: Int

    init(names: [String], buckets: Int = 1_000) {
        self.names = names
        capacity = buckets
        closed = names.map { _ in
            var list: [Bucket] = []
            list.reserveCapacity(buckets)
            return list
        }
    }

    /// Adds one value per series (in `names` order) at `time`.
    @inline(__always)
    mutating func add(_ time: Int64, _ values: (Double, Double, Double, Double, Double, Double, Double, Double, Double)) {
        precondition(names.count == 9)
        if let start = open.first?.start, time - start < bucketWidth {
            open[0].add(time, values.0); open[1].add(time, values.1); open[2].add(time, values.2)
            open[3].add(time, values.3); open[4].add(time, values.4); open[5].add(time, values.5)
            open[6].add(time, values.6); open[7].add(time, values.7); open[8].add(time, values.8)
            return
        }
        if open.isEmpty {
            open = [values.0, values.1, values.2, values.3, values.4, values.5, values.6, values.7, values.8].map { Bucket(time, $0) }
        } else {
            // Overwrites the buckets in place: a new bucket allocates nothing.
            closeBucket()
            open[0] = Bucket(time, values.0); open[1] = Bucket(time, values.1); open[2] = Bucket(time, values.2)
            open[3] = Bucket(time, values.3); open[4] = Bucket(time, values.4); open[5] = Bucket(time, values.5)
            open[6] = Bucket(time, values.6); open[7] = Bucket(time, values.7); open[8] = Bucket(time, values.8)
        }
    }

    private mutating func closeBucket() {
        guard !open.isEmpty else { return }
        for s in open.indices { closed[s].append(open[s]) }
        if closed[0].count >= capacity {
            // Adjacent pairs merge in place (bucket i/2 from i and i + 1), keeping the storage.
            for s in closed.indices {
                let count = closed[s].count
                var i = 0
                while i < count {
                    closed[s][i / 2] = i + 1 < count ? closed[s][i].merged(with: closed[s][i + 1]) : closed[s][i]
                    i += 2
                }
                closed[s].removeLast(count - (count + 1) / 2)
            }
            bucketWidth *= 2
            // Jump straight to a width that fits the span seen so far.
            if let first = closed[0].first?.start, let last = closed[0].last?.start {
                bucketWidth = max(bucketWidth, (last - first) / Int64(capacity / 2) + 1)
            }
        }
    }

    /// The series as points (first, low, high, last of every bucket, in time order).
    mutating func finish() -> [RunSeries.Line] {
        closeBucket()
        open = []
        return names.indices.map { s in
            var times: [Int64] = []
            var values: [Double] = []
            times.reserveCapacity(4 * closed[s].count)
            values.reserveCapacity(4 * closed[s].count)
            // One small buffer for every bucket's four points (not an array per bucket).
            var points: [(Int64, Double)] = []
            points.reserveCapacity(4)
            for b in closed[s] {
                points.removeAll(keepingCapacity: true)
                points.append((b.firstTime, b.first)); points.append((b.lowTime, b.low))
                points.append((b.highTime, b.high)); points.append((b.lastTime, b.last))
                points.sort { $0.0 < $1.0 }
                for p in points where times.last != p.0 || values.last != p.1 {
                    times.append(p.0)
                    values.append(p.1)
                }
            }
            return RunSeries.Line(name: names[s], times: times, values: values)
        }
    }
}
