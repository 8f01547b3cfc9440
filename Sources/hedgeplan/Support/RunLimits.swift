import ArgumentParser
import HedgeplanIR

/// `dry-run --max-ticks N --duration D`: where a run stops before its feed ends. For a file
/// or a simulated path the duration is feed time from the first tick (deterministic); for a
/// live feed, wall-clock time from when it is opened (it ends even if the feed is silent).
/// `--max-ticks` is read unconditionally, so that `--max-ticks -1` gets its range message
/// instead of swift-argument-parser's "missing value" (it takes `-1` for a flag).
struct RunLimits: ParsableArguments {
    @Option(name: .customLong("max-ticks"), parsing: .unconditional, help: ArgumentHelp("Stop after N ticks (any feed).", valueName: "N"))
    var maxTicks: Int?

    // Not unconditional: swift-argument-parser splits `-1h` into short flags, sees `-h`, and
    // answers a failed check with the help screen and exit 0; as a flag, `-1h` is a usage
    // error (exit 64). `--duration=-1h` reaches the check.
    @Option(help: ArgumentHelp(
        "Stop after this long: feed time from the first tick for a CSV file or a simulated path, wall-clock time for a live feed. A number with a unit: s, m, h, d, w (30s, 5m, 1.5h, 7d).",
        valueName: "DURATION"))
    var duration: String?

    /// `--duration` in milliseconds, once validated.
    var durationMs: Int64? {
        duration.flatMap(TimeSpan.init(parsing:)).map { Int64(($0.seconds * 1000).rounded()) }
    }

    /// The limits as a journal's identity keeps them (`RunIdentity.limits`): the duration in
    /// milliseconds, so that `1h` and `60m` are the same run; `""` with neither.
    var identityText: String {
        [maxTicks.map { "--max-ticks \($0)" }, durationMs.map { "--duration \($0) ms" }].compactMap { $0 }.joined(separator: " ")
    }

    func validate() throws {
        if let maxTicks, maxTicks < 1 { throw ValidationError("--max-ticks must be at least 1 (got \(maxTicks))") }
        if let duration {
            guard let parsed = TimeSpan(parsing: duration), parsed.seconds.isFinite else {
                throw ValidationError("--duration `\(duration)`: not a duration; write a number and a unit: s, m, h, d or w (30s, 5m, 1.5h, 7d)")
            }
            guard parsed.seconds * 1000 >= 1, parsed.seconds < 1e12 else {
                throw ValidationError("--duration `\(duration)`: must be at least 1 ms and less than 10^12 s")
            }
        }
    }
}
