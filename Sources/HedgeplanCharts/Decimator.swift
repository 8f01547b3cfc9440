/// Min/max decimation per pixel column, streaming and with bounded memory.
///
/// The x range is split into `columns` equal columns (one per pixel of the plot). For each
/// column the decimator keeps at most four points: the first, the lowest, the highest and
/// the last to arrive (the "M4" scheme). Drawing them in order gives the same pixels as
/// drawing every point: each column's vertical extent is kept, and so are the lines that
/// join one column to the next. The output never holds more than `4 × columns` points,
/// whatever the input's length, and memory stays at one small record per column.
///
/// Feed points in increasing x (as a time series arrives); the output is ordered by column
/// and, within a column, by arrival. Points with x outside the range go into the first or
/// last column (counted in `clamped`); points with a NaN or infinite coordinate are skipped
/// (counted in `skipped`).
///
/// ```swift
/// var d = Decimator(xRange: start...end, columns: 1600)
/// for tick in feed { d.add(x: tick.time, y: tick.price) }
/// let series = Series(name: "Price", x: d.output().x, y: d.output().y)
/// ```
public struct Decimator: Sendable {
    /// One column's kept points: arrival index (-1 when empty) and coordinates.
    struct Bucket: Sendable {
        var firstIndex = -1, minIndex = -1, maxIndex = -1, lastIndex = -1
        var firstX = 0.0, firstY = 0.0
        var minX = 0.0, minY = 0.0
        var maxX = 0.0, maxY = 0.0
        var lastX = 0.0, lastY = 0.0
    }

    public let lowerX: Double
    public let upperX: Double
    public let columns: Int
    /// Points accepted so far.
    public private(set) var count = 0
    /// Points whose x fell outside the range and were put into an edge column.
    public private(set) var clamped = 0
    /// Points skipped for a non-finite coordinate.
    public private(set) var skipped = 0

    private var buckets: [Bucket]
    private let scale: Double

    /// A decimator over `xRange` with `columns` columns (at least 1).
    public init(xRange: ClosedRange<Double>, columns: Int) {
        lowerX = xRange.lowerBound
        upperX = xRange.upperBound
        self.columns = max(1, columns)
        buckets = Array(repeating: Bucket(), count: self.columns)
        let width = upperX - lowerX
        scale = width > 0 && width.isFinite ? Double(self.columns) / width : 0
    }

    /// The column a finite x falls in, clamped to the range.
    @inline(__always)
    func column(_ x: Double) -> Int {
        let c = (x - lowerX) * scale
        if c < 0 { return 0 }
        if c >= Double(columns) { return columns - 1 }
        return Int(c)
    }

    /// Adds one point.
    @inline(__always)
    public mutating func add(x: Double, y: Double) {
        guard x.isFinite, y.isFinite else { skipped += 1; return }
        if x < lowerX || x > upperX { clamped += 1 }
        let c = column(x)
        let i = count
        count += 1
        buckets.withUnsafeMutableBufferPointer { Self.update(&$0[c], i, x, y) }
    }

    /// Adds points from parallel arrays (the shorter length wins).
    public mutating func add<X: Collection, Y: Collection>(x xs: X, y ys: Y)
    where X.Element == Double, Y.Element == Double {
        var i = count
        var clampedHere = 0, skippedHere = 0
        let lo = lowerX, hi = upperX, sc = scale, n = columns
        buckets.withUnsafeMutableBufferPointer { b in
            for (x, y) in zip(xs, ys) {
                guard x.isFinite, y.isFinite else { skippedHere += 1; continue }
                if x < lo || x > hi { clampedHere += 1 }
                let c = (x - lo) * sc
                let column = c < 0 ? 0 : (c >= Double(n) ? n - 1 : Int(c))
                Self.update(&b[column], i, x, y)
                i += 1
            }
        }
        count = i
        clamped += clampedHere
        skipped += skippedHere
    }

    @inline(__always)
    static func update(_ b: inout Bucket, _ i: Int, _ x: Double, _ y: Double) {
        if b.firstIndex < 0 {
            b = Bucket(firstIndex: i, minIndex: i, maxIndex: i, lastIndex: i, firstX: x, firstY: y,
                       minX: x, minY: y, maxX: x, maxY: y, lastX: x, lastY: y)
            return
        }
        if y < b.minY { b.minIndex = i; b.minX = x; b.minY = y }
        if y > b.maxY { b.maxIndex = i; b.maxX = x; b.maxY = y }
        b.lastIndex = i; b.lastX = x; b.lastY = y
    }

    /// The kept points, in column order and arrival order within a column.
    public func output() -> (x: [Double], y: [Double]) {
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(min(count, 4 * columns))
        ys.reserveCapacity(min(count, 4 * columns))
        for b in buckets where b.firstIndex >= 0 {
            // At most four candidates; emit each arrival index once, in arrival order.
            var kept: [(Int, Double, Double)] = [
                (b.firstIndex, b.firstX, b.firstY), (b.minIndex, b.minX, b.minY),
                (b.maxIndex, b.maxX, b.maxY), (b.lastIndex, b.lastX, b.lastY),
            ]
            kept.sort { $0.0 < $1.0 }
            var previous = -1
            for (i, x, y) in kept where i != previous {
                xs.append(x)
                ys.append(y)
                previous = i
            }
        }
        return (xs, ys)
    }

    /// Decimates whole arrays in one call.
    public static func decimate(x: [Double], y: [Double], xRange: ClosedRange<Double>, columns: Int)
        -> (x: [Double], y: [Double])
    {
        var d = Decimator(xRange: xRange, columns: columns)
        d.add(x: x, y: y)
        return d.output()
    }
}
