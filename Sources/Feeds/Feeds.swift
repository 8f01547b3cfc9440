/// Price feeds for the runtime: every source yields `Tick`s through the pull-based
/// `TickSource` protocol, so the interpreter drives a CSV file, a simulated path or (later)
/// a live WebSocket feed the same way.
///
/// - `CSVFeed`: a streaming byte scanner over a file (flat memory, whatever its length),
///   with layout detection (`HeaderLayout`), hand-written timestamp parsing
///   (`TimestampParser`) and bad-row reporting (`FeedIssue`, `FeedIssueLog`).
/// - `GBMPath`, `MertonPath`: seeded, machine-independent simulated paths.
/// - `FeedSpec`: the `--feed` strings (`FILE.csv`, `gbm:...`, `merton:...`, `ws://...`).
public enum Feeds {
    /// Milliseconds per unit, for readable arithmetic on `Tick.timestamp`.
    public static let millisecondsPerSecond: Int64 = 1_000
    public static let millisecondsPerDay: Int64 = 86_400_000
}
