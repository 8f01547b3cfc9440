import Foundation
import HedgeplanChecker
import HedgeplanIR

/// What the compiler reads: a checked strategy (no errors), the source bytes for the hash,
/// and optionally a price history to fit volatility models on.
public struct CompileInput: Sendable {
    public var strategy: Strategy
    public var analysis: StrategyAnalysis
    /// The source path as the user gave it, recorded in the plan.
    public var sourcePath: String
    public var sourceBytes: Data
    public var history: PriceHistory?

    public init(strategy: Strategy, analysis: StrategyAnalysis, sourcePath: String, sourceBytes: Data, history: PriceHistory? = nil) {
        self.strategy = strategy
        self.analysis = analysis
        self.sourcePath = sourcePath
        self.sourceBytes = sourceBytes
        self.history = history
    }
}

/// Log returns of a price history at a regular step, for fitting GARCH(1,1).
public struct PriceHistory: Sendable {
    public var logReturns: [Double]
    /// Seconds between observations.
    public var stepSeconds: Int64
    /// Where it came from, for messages.
    public var name: String
    /// The rows the reader rejected, as `FILE:LINE:COLUMN: N data rows were rejected, the
    /// first: kind: message`, or nil: when a fit finds too few returns, usually the reason.
    public var rejectedRows: String?

    public init(logReturns: [Double], stepSeconds: Int64, name: String) {
        self.logReturns = logReturns
        self.stepSeconds = stepSeconds
        self.name = name
    }

    /// `; ` and the rejected rows, for a message that reports a fit's failure; empty when
    /// every row was read.
    var rejectionSuffix: String { rejectedRows.map { "; \($0)" } ?? "" }

    /// From prices at a regular step (QUOTE per BASE, oldest first).
    public init(prices: [Double], stepSeconds: Int64, name: String) {
        var returns: [Double] = []
        returns.reserveCapacity(max(0, prices.count - 1))
        for i in 1..<max(1, prices.count) where prices[i - 1] > 0 && prices[i] > 0 {
            returns.append(log(prices[i] / prices[i - 1]))
        }
        self.init(logReturns: returns, stepSeconds: stepSeconds, name: name)
    }
}
