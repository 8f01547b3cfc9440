import Feeds

/// The properties every CSV feed must have (`FuzzFeedRows`): it is refused with a message,
/// or it streams ticks with finite positive prices in the plausible range, strictly
/// increasing times and finite optional fields, and every bad row it skipped is counted
/// with its line.
public enum FeedProperties {
    /// `maxTicks` bounds the work on a huge input (the fuzzer's inputs are small).
    public static func problems(csv bytes: [UInt8], maxTicks: Int = 100_000) -> [String] {
        let feed: CSVFeed
        do { feed = try CSVFeed(bytes: bytes, name: "fuzz.csv") } catch {
            return "\(error)".isEmpty ? ["a feed refused with an empty message"] : []
        }
        var problems: [String] = []
        var previous: Int64?
        var count = 0
        do {
            while count < maxTicks, let tick = try feed.next() {
                count += 1
                problems += TickProperties.problems(tick, previous: previous, source: "row tick \(count)")
                previous = tick.timestamp
                if problems.count > 10 { break }
            }
        } catch {
            if "\(error)".isEmpty { problems.append("the feed failed with an empty message after \(count) ticks") }
        }
        for issue in feed.issues.details where issue.line < 1 || issue.message.isEmpty {
            problems.append("a bad row reported without a line or a message: \(issue)")
        }
        return problems
    }
}

/// What every tick any source delivers must satisfy.
public enum TickProperties {
    public static func problems(_ tick: Tick, previous: Int64?, source: String) -> [String] {
        var problems: [String] = []
        if !Tick.plausiblePrices.contains(tick.price) { problems.append("\(source): price \(tick.price)") }
        if let previous, tick.timestamp <= previous { problems.append("\(source): time \(tick.timestamp) after \(previous)") }
        if let gas = tick.gasGwei, !(gas.isFinite && gas >= 0) { problems.append("\(source): gas \(gas)") }
        if let iv = tick.impliedVolatility, !(iv.isFinite && iv >= 0) { problems.append("\(source): implied volatility \(iv)") }
        return problems
    }
}
