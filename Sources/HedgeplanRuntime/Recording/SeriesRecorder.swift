/// Keeps a long series small as it streams: the first, lowest, highest and last point of
/// each time bucket (min/max decimation), with bucket width doubling whenever the buffer
/// fills, so memory stays bounded for any run length and every spike survives.
struct SeriesRecorder: Sendable {
    let name: String
    private(set) var times: [Int64] = []
    private(set) var values: [Double] = []
    private let capacity: Int
    private var bucketWidth: Int64
    private var bucketStart: Int64?
    private var bucket: (first: (Int64, Double), low: (Int64, Double), high: (Int64, Double), last: (Int64, Double))?

    init(name: String, capacity: Int = 4_000, initialBucketMs: Int64 = 1) {
        self.name = name
        self.capacity = capacity
        bucketWidth = initialBucketMs
        times.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func add(_ time: Int64, _ value: Double) {
        if let start = bucketStart, time - start < bucketWidth, var b = bucket {
            if value < b.low.1 { b.low = (time, value) }
            if value > b.high.1 { b.high = (time, value) }
            b.last = (time, value)
            bucket = b
            return
        }
        flush()
        bucketStart = time
        bucket = ((time, value), (time, value), (time, value), (time, value))
    }

    private mutating func flush() {
        guard let b = bucket else { return }
        var points = [b.first, b.low, b.high, b.last].sorted { $0.0 < $1.0 }
        var unique: [(Int64, Double)] = []
        for p in points where unique.last.map({ $0.0 != p.0 || $0.1 != p.1 }) ?? true { unique.append(p) }
        points = unique
        for p in points {
            times.append(p.0)
            values.append(p.1)
        }
        bucket = nil
        if times.count >= capacity { coarsen() }
    }

    /// Halves the points by merging pairs of buckets' extremes, and doubles the bucket width.
    private mutating func coarsen() {
        var t: [Int64] = [], v: [Double] = []
        t.reserveCapacity(capacity)
        v.reserveCapacity(capacity)
        var i = 0
        while i < times.count {
            let end = min(i + 8, times.count)
            let slice = i..<end
            let lo = slice.min { values[$0] < values[$1] }!
            let hi = slice.max { values[$0] < values[$1] }!
            for j in Set([i, lo, hi, end - 1]).sorted() {
                t.append(times[j])
                v.append(values[j])
            }
            i = end
        }
        times = t
        values = v
        bucketWidth *= 2
        if let first = times.first, let last = times.last, times.count > 1 {
            bucketWidth = max(bucketWidth, (last - first) / Int64(capacity / 4))
        }
    }

    mutating func finish() -> RunSeries.Line {
        flush()
        return RunSeries.Line(name: name, times: times, values: values)
    }
}
