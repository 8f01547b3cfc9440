/// The log returns of a price history, the sample a bootstrap path resamples.
///
/// Returns are taken between consecutive accepted ticks (`ln(p[i+1] / p[i])`); the step is
/// the median time between them, so a history with a few holes still has its usual step.
public struct ReturnSample: Sendable, Equatable {
    /// Natural log returns, oldest first.
    public let logReturns: [Double]
    /// The history's typical step, ms.
    public let stepMs: Int64

    /// Rows of the history the reader rejected (bad prices, times out of order...), and the
    /// first of them: the returns across them are not the history's own.
    public var skippedRows = 0
    public var firstSkippedRow: FeedIssue?

    public init(logReturns: [Double], stepMs: Int64) {
        self.logReturns = logReturns
        self.stepMs = stepMs
    }

    /// `N bad rows skipped; the first: ...` at the first one's line, or nil when none was:
    /// what a command warns before it resamples or fits the history.
    public var skippedRowsWarning: (line: Int, message: String)? {
        FeedIssueLog.skippedRowsWarning(rows: skippedRows, first: firstSkippedRow)
    }

    /// Reads a CSV history (any layout `CSVFeed` reads). Needs at least two returns.
    public static func load(path: String, options: CSVFeedOptions = CSVFeedOptions()) throws -> ReturnSample {
        let feed = try CSVFeed(path: path, options: options)
        var returns: [Double] = []
        var steps: [Int64] = []
        var previous: Tick?
        while let tick = try feed.next() {
            if let p = previous {
                returns.append(PortableMath.log(tick.price / p.price))
                steps.append(tick.timestamp - p.timestamp)
            }
            previous = tick
        }
        guard returns.count >= 2 else {
            let issues = feed.issues
            throw BootstrapError.tooShort(
                path: path, returns: returns.count, rejectedRows: issues.rejectedRows,
                firstRejected: issues.firstRejectedRow)
        }
        steps.sort()
        var sample = ReturnSample(logReturns: returns, stepMs: max(1, steps[steps.count / 2]))
        sample.skippedRows = feed.issues.rejectedRows
        sample.firstSkippedRow = feed.issues.firstRejectedRow
        return sample
    }

    /// Below this many returns a bootstrap still runs, with a warning: the minimum the GARCH
    /// and regime fits take from the same kind of history.
    public static let advisedMinimum = 100

    /// Why a bootstrap of this sample may mislead, or nil: every path is built from its
    /// returns alone, so its moves and tails are no wider than theirs (three prices gave a
    /// 168-step path of two distinct moves, 2026-12-01).
    public var shortHistoryWarning: String? {
        let n = logReturns.count
        guard n < Self.advisedMinimum else { return nil }
        return "only \(n) log returns in the history: every bootstrap path is built from these \(n) moves, so its moves and tails are no wider than theirs; \(Self.advisedMinimum) or more are advised"
    }

    /// The default mean block length, in steps: the cube root of the sample size (the rate
    /// Politis and White 2004 show is optimal for the stationary bootstrap's variance
    /// estimate), at least 1. About 30 steps for three years of hourly returns.
    public var defaultMeanBlock: Double {
        max(1, PortableMath.exp(PortableMath.log(Double(logReturns.count)) / 3).rounded())
    }
}

/// A history too short to resample.
public enum BootstrapError: Error, CustomStringConvertible, Equatable {
    /// Fewer than two log returns (three valid prices in a row). When the feed rejected
    /// rows, the first of them is usually why, and the message says what it was.
    case tooShort(path: String, returns: Int, rejectedRows: Int, firstRejected: FeedIssue?)

    /// Without the path: a diagnostic carries it, at the first rejected row when there is one.
    public var description: String {
        switch self {
        case .tooShort(_, let n, let rejected, let first):
            let count = "\(n) log return\(n == 1 ? "" : "s") in the history: at least 2 are needed (3 valid prices in a row)"
            guard rejected > 0, let first else { return count }
            return "\(count); \(FeedIssueLog.rejectionSummary(rows: rejected, first: first))"
        }
    }
}

/// A price path built by the stationary bootstrap (Politis and Romano 1994) of a history's
/// log returns: each step continues the current block with the next historical return
/// (wrapping around at the end), or, with probability 1 / `meanBlock`, starts a new block
/// at a uniformly drawn return. Blocks keep the short-range dependence of real returns
/// (volatility clustering within a block); their random lengths (geometric, mean
/// `meanBlock`) make the resampled series stationary. The price starts at `spot` and moves
/// by the resampled returns, one per `sample.stepMs`.
///
/// Seeded (xoshiro256**): the same sample, parameters and seed give the same ticks on every
/// machine. No allocation per tick: the sample is shared, never copied.
public struct BootstrapPath: ComputedTickSource, Sendable {
    public let sample: ReturnSample
    /// Spot, days, seed and start; the step is the sample's, volatility and drift are unused.
    public let parameters: PathParameters
    /// Mean block length, steps (>= 1).
    public let meanBlock: Double
    private var random: Xoshiro256StarStar
    private var position = 0
    private var index = 0
    private var logReturn = 0.0
    private let newBlockProbability: Double

    public init(sample: ReturnSample, spot: Double, days: Double, seed: UInt64, meanBlock: Double,
                start: Int64 = PathParameters.defaultStart) {
        self.sample = sample
        parameters = PathParameters(spot: spot, volatility: 0, days: days, step: sample.stepMs, seed: seed, start: start)
        self.meanBlock = max(1, meanBlock)
        newBlockProbability = 1 / self.meanBlock
        random = Xoshiro256StarStar(seed: seed)
        position = Self.draw(&random, below: sample.logReturns.count)
    }

    /// Ticks the path yields: `steps + 1`.
    public var count: Int { parameters.steps + 1 }

    public mutating func next() -> Tick? {
        guard index <= parameters.steps else { return nil }
        if index > 0 {
            logReturn += sample.logReturns[position]
            if random.uniform() < newBlockProbability {
                position = Self.draw(&random, below: sample.logReturns.count)
            } else {
                position += 1
                if position == sample.logReturns.count { position = 0 }
            }
        }
        let tick = parameters.tick(index, logReturn: logReturn)
        index += 1
        return tick
    }

    /// A uniform index in 0..<n, without modulo bias (Lemire's multiply-shift with rejection).
    static func draw(_ random: inout Xoshiro256StarStar, below n: Int) -> Int {
        let bound = UInt64(n)
        while true {
            let product = random.next().multipliedFullWidth(by: bound)
            if product.low >= (0 &- bound) % bound { return Int(product.high) }
        }
    }

    public var notes: [String] {
        ["stationary bootstrap of \(sample.logReturns.count) historical log returns: spot \(parameters.spot), mean block \(meanBlock) steps, \(count) ticks every \(TimestampFormatter.duration(parameters.step)) from \(TimestampFormatter.iso8601(parameters.start)), seed \(parameters.seed)"]
            + (sample.shortHistoryWarning.map { [$0] } ?? [])
    }
}
