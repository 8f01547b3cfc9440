import Dispatch
import Foundation
import HedgeplanFormatting

/// A one-line progress display for `stress`, `tune` and `merge` on standard error: paths
/// (or partial results) done, how many a second and the time left. Drawn only on a
/// terminal that can redraw a line (the same rule as `ProgressBar`), at most ten times a
/// second; `end()` clears it.
final class PathProgress: @unchecked Sendable {
    let total: Int
    /// What is counted, plural: "paths", or "partial results" for `merge`.
    let unit: String
    private let write: (String) -> Void
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var drawn = false

    init(total: Int, unit: String = "paths", write: @escaping (String) -> Void) {
        self.total = total
        self.unit = unit
        self.write = write
    }

    /// Called with the paths done so far (from worker threads, serialised by the runner's lock).
    func update(_ done: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now &- lastDraw >= 100_000_000 || done == total else { return }
        lastDraw = now
        write("\r\u{1B}[2K" + Self.line(done: done, total: total, seconds: Double(now &- start) / 1e9, unit: unit))
        drawn = true
    }

    func end() {
        if drawn { write("\r\u{1B}[2K") }
    }

    /// Runs `body` with a progress callback for `total` paths or other `unit`s (nil when
    /// standard error is not a terminal that can redraw a line), and clears the display
    /// however `body` ends.
    static func showing<T>(total: Int, unit: String = "paths", _ body: ((@Sendable (Int) -> Void)?) throws -> T) rethrows -> T {
        let wanted = ProgressBar.isWanted(isTerminal: Terminal.standardError.isTerminal, environment: ProcessInfo.processInfo.environment)
        let progress = wanted ? PathProgress(total: total, unit: unit) { Terminal.standardError.write($0) } : nil
        defer { progress?.end() }
        var callback: (@Sendable (Int) -> Void)?
        if let progress { callback = { progress.update($0) } }
        return try body(callback)
    }

    static func line(done: Int, total: Int, seconds: Double, unit: String = "paths") -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int((fraction * 20).rounded(.down))
        var parts = [String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled),
                     "\(NumberFormat.grouped(done))/\(NumberFormat.grouped(total)) \(unit)"]
        if seconds > 0, done > 0 {
            let rate = Double(done) / seconds
            parts.append("\(NumberFormat.fixed(rate, decimals: rate >= 100 ? 0 : 1, grouping: true)) \(unit)/s")
            let left = Double(total - done) / rate
            parts.append("ETA " + (left >= 90 ? "\(Int(left / 60)) min" : "\(Int(left.rounded(.up))) s"))
        }
        return parts.joined(separator: "  ")
    }
}
