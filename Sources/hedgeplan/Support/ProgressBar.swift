import Dispatch
import Feeds
import HedgeplanFormatting
import HedgeplanRuntime

/// A one-line progress display for long runs, on standard error, redrawn about ten times a
/// second: ticks done (and the percentage when the feed's length is known), ticks per
/// second, the simulated date and the equity.
///
/// It is drawn only when standard error is a terminal that understands cursor movement
/// (not `TERM=dumb`), so redirected output, pipes and CI logs never see it; colour only
/// without `NO_COLOR`. The wall clock is read once every 256 ticks (a vDSO call of some
/// 20 ns), never per tick, so it costs the interpreter nothing measurable. `end()` clears
/// the line.
final class ProgressBar: RunObserver {
    /// Whether to show a bar at all: a terminal, and one that can redraw a line.
    static func isWanted(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && environment["TERM"] != "dumb"
    }

    /// Ticks the feed will give, when known (simulated paths), for the percentage.
    let expectedTicks: Int?
    let color: Bool
    /// Shown before the counts while it returns non-empty text (such as "verifying journal").
    let phase: () -> String
    private let write: (String) -> Void
    private let start: UInt64
    private var lastDraw: UInt64
    private var drawn = false
    private var ended = false
    static let interval: UInt64 = 100_000_000
    static let checkMask = 255
    static let width = 20

    init(expectedTicks: Int?, color: Bool, phase: @escaping () -> String = { "" }, write: @escaping (String) -> Void) {
        self.expectedTicks = expectedTicks
        self.color = color
        self.phase = phase
        self.write = write
        start = DispatchTime.now().uptimeNanoseconds
        lastDraw = start
    }

    func tickProcessed(index: Int, tick: Tick, equity: Double) {
        guard index & Self.checkMask == 0, !ended else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now &- lastDraw >= Self.interval else { return }
        lastDraw = now
        write("\r\u{1B}[2K" + line(ticks: index + 1, time: tick.timestamp, equity: equity, seconds: Double(now &- start) / 1e9))
        drawn = true
    }

    func rebalanced(_ record: RebalanceRecord) {}
    var observesRebalances: Bool { false }
    func breakerTripped(_ event: BreakerEvent) {}

    /// Clears the line (once); later ticks draw nothing.
    func end() {
        guard !ended else { return }
        ended = true
        if drawn { write("\r\u{1B}[2K") }
    }

    /// The text of one redraw, without control sequences other than colour.
    func line(ticks: Int, time: Int64, equity: Double, seconds: Double) -> String {
        var parts: [String] = []
        let phase = phase()
        if !phase.isEmpty { parts.append(phase) }
        if let expected = expectedTicks, expected > 0 {
            let fraction = min(1, Double(ticks) / Double(expected))
            let filled = Int((fraction * Double(Self.width)).rounded(.down))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: Self.width - filled)
            parts.append((color ? "\u{1B}[32m\(bar)\u{1B}[0m" : bar) + " " + String(Int(fraction * 100)).paddedLeft(3) + "%")
        }
        parts.append("\(NumberFormat.grouped(ticks)) ticks")
        if seconds > 0 { parts.append(Self.rate(Double(ticks) / seconds)) }
        parts.append(String(RunClock.iso(time).prefix(10)))
        parts.append("equity \(NumberFormat.grouped(Int(equity.isFinite ? equity.rounded() : 0)))")
        return parts.joined(separator: "  ")
    }

    static func rate(_ perSecond: Double) -> String {
        perSecond >= 1e6 ? "\(Double(Int(perSecond / 1e5)) / 10) M ticks/s" : "\(Int(perSecond / 1e3)) k ticks/s"
    }
}

private extension String {
    func paddedLeft(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
