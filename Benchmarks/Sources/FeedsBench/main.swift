import Foundation
import Feeds

// CSV ingest speed and memory of `CSVFeed` (release build).
// Usage:
//   FeedsBench [--rows N] [--dir DIR]   generate both workloads (N rows each, default 10,000,000),
//                                       scan each 5 times, print the best rows per CPU second, then delete them
//   FeedsBench generate epoch|ohlcv N FILE
//   FeedsBench scan FILE                one pass; prints rows, rows/s and peak RSS (getrusage)
// Workloads: `timestamp,price` with epoch-millisecond timestamps (1 s apart), and
// `date,open,high,low,close,volume` with `YYYY-MM-DD HH:MM:SS` dates (1 min apart), prices a
// seeded random walk with 2 decimals, like /work/shared/data/prices/*.csv.

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
    exit(64)
}

/// Writes `rows` rows through one reused 1 MiB buffer.
func generate(_ kind: String, rows: Int, path: String) {
    guard let file = fopen(path, "w") else { fail("cannot write \(path)") }
    defer { fclose(file) }
    var rng = SplitMix64(state: 42)
    var out = [UInt8]()
    out.reserveCapacity(1 << 20)
    func flush() { out.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, file) }; out.removeAll(keepingCapacity: true) }
    func append(_ s: String) { out.append(contentsOf: s.utf8) }
    func cents(_ c: Int) -> String { let s = String(c % 100); return "\(c / 100).\(s.count == 1 ? "0" + s : s)" }
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
    var priceCents = 300_000
    let start: Int64 = 1_704_067_200_000   // 2024-01-01T00:00:00Z
    append(kind == "epoch" ? "timestamp,price\n" : "date,open,high,low,close,volume\n")
    var day = 0, minuteOfDay = 0
    var year = 2024, month = 1, dayOfMonth = 1
    let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    for i in 0..<rows {
        priceCents = max(100, priceCents + Int(rng.next() % 201) - 100)
        if kind == "epoch" {
            append("\(start + Int64(i) * 1_000),\(cents(priceCents))\n")
        } else {
            let h = minuteOfDay / 60, m = minuteOfDay % 60
            let open = priceCents + Int(rng.next() % 41) - 20
            let high = max(open, priceCents) + Int(rng.next() % 30)
            let low = max(1, min(open, priceCents) - Int(rng.next() % 30))
            append("\(year)-\(two(month))-\(two(dayOfMonth)) \(two(h)):\(two(m)):00,\(cents(open)),\(cents(high)),\(cents(low)),\(cents(priceCents)),\(Int(rng.next() % 100_000)).\(Int(rng.next() % 1000))\n")
            minuteOfDay += 1
            if minuteOfDay == 1_440 {
                minuteOfDay = 0; day += 1; dayOfMonth += 1
                let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
                if dayOfMonth > monthDays[month - 1] + (month == 2 && leap ? 1 : 0) {
                    dayOfMonth = 1; month += 1
                    if month > 12 { month = 1; year += 1 }
                }
            }
        }
        if out.count > (1 << 20) - 200 { flush() }
    }
    flush()
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024   // KiB on Linux
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / 1_048_576   // bytes on macOS
    #endif
}

/// CPU time (user + system) of this process, seconds: robust to other processes sharing the cores.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

/// One full pass; returns (rows, CPU seconds, checksum, issues).
func scan(_ path: String) -> (rows: Int, seconds: Double, checksum: Double, issues: Int) {
    let c0 = cpuSeconds()
    do {
        let feed = try CSVFeed(path: path)
        var rows = 0
        var sum = 0.0
        while let tick = try feed.next() { rows += 1; sum += tick.price }
        return (rows, cpuSeconds() - c0, sum, feed.issues.total)
    } catch { fail("\(error)") }
}

func fileSizeMegabytes(_ path: String) -> Double {
    ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0).map { Double($0) / 1e6 } ?? 0
}

var args = Array(CommandLine.arguments.dropFirst())
if args.first == "generate" {
    guard args.count == 4, let n = Int(args[2]) else { fail("usage: FeedsBench generate epoch|ohlcv N FILE") }
    generate(args[1], rows: n, path: args[3])
    exit(0)
}
if args.first == "scan" {
    guard args.count == 2 else { fail("usage: FeedsBench scan FILE") }
    let r = scan(args[1])
    print(String(format: "%@: %d rows in %.3f s CPU = %.1f M rows/s, %.0f MB/s, issues %d, checksum %.6e, peak RSS %.1f MB",
                 args[1], r.rows, r.seconds, Double(r.rows) / r.seconds / 1e6, fileSizeMegabytes(args[1]) / r.seconds,
                 r.issues, r.checksum, peakRSSMegabytes()))
    exit(0)
}
var rows = 10_000_000
var dir = NSTemporaryDirectory()
while !args.isEmpty {
    let a = args.removeFirst()
    switch a {
    case "--rows": rows = Int(args.isEmpty ? "" : args.removeFirst()) ?? rows
    case "--dir": dir = args.isEmpty ? dir : args.removeFirst()
    default: fail("unknown argument \(a)")
    }
}
for kind in ["epoch", "ohlcv"] {
    let path = (dir as NSString).appendingPathComponent("feedsbench-\(kind)-\(rows).csv")
    generate(kind, rows: rows, path: path)
    var best = Double.infinity
    var last = (rows: 0, seconds: 0.0, checksum: 0.0, issues: 0)
    for _ in 0..<5 {
        last = scan(path)
        best = min(best, last.seconds)
    }
    let label = kind == "epoch" ? "timestamp,price (epoch ms)" : "date,open,high,low,close,volume (date text)"
    print(String(format: "%@: %d rows, %.0f MB: best of 5 (CPU time) %.3f s = %.1f M rows/s, %.0f MB/s; issues %d; checksum %.6e",
                 label, last.rows, fileSizeMegabytes(path), best, Double(last.rows) / best / 1e6,
                 fileSizeMegabytes(path) / best, last.issues, last.checksum))
    try? FileManager.default.removeItem(atPath: path)
}
print(String(format: "peak RSS of this process (includes generation): %.1f MB", peakRSSMegabytes()))
