import PlanFormat
import Feeds
import Foundation
import HedgeplanRuntime

/// What one simulated path did to a portfolio: each member line's P&L (summed over its
/// copies), its liquidations, and the crowd figures.
public struct PortfolioPathOutcome: Sendable, Equatable, Codable {
    public var path: Int
    /// QUOTE, by member line.
    public var memberTotals: [Double]
    /// Copies liquidated, by member line.
    public var memberLiquidations: [Int]
    /// What the hedges paid (fees + slippage + gas + funding, negative when paid), QUOTE,
    /// summed over the copies, by member line.
    public var memberCosts: [Double]
    /// Rebalances, summed over the copies, by member line.
    public var memberHedges: [Int]
    public var crowd: CrowdFigures

    public init(path: Int, memberTotals: [Double], memberLiquidations: [Int], memberCosts: [Double], memberHedges: [Int], crowd: CrowdFigures) {
        self.path = path
        self.memberTotals = memberTotals
        self.memberLiquidations = memberLiquidations
        self.memberCosts = memberCosts
        self.memberHedges = memberHedges
        self.crowd = crowd
    }

    /// Partial results are written with snake_case keys and read back with
    /// `.convertFromSnakeCase`, which `CrowdFigures`' own snake_case keys (its JSON output's)
    /// would not survive: its fields are stored here under Swift names.
    private struct StoredCrowd: Codable {
        var maxPoolDeviationBps: Double, inducedRebalances: Int, maxCascadeDepth: Int, liquidations: Int, volume: Double
    }

    enum CodingKeys: String, CodingKey { case path, memberTotals, memberLiquidations, memberCosts, memberHedges, crowd }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(Int.self, forKey: .path)
        memberTotals = try c.decode([Double].self, forKey: .memberTotals)
        memberLiquidations = try c.decode([Int].self, forKey: .memberLiquidations)
        memberCosts = try c.decode([Double].self, forKey: .memberCosts)
        memberHedges = try c.decode([Int].self, forKey: .memberHedges)
        let stored = try c.decode(StoredCrowd.self, forKey: .crowd)
        crowd = CrowdFigures()
        crowd.maxPoolDeviationBps = stored.maxPoolDeviationBps
        crowd.inducedRebalances = stored.inducedRebalances
        crowd.maxCascadeDepth = stored.maxCascadeDepth
        crowd.liquidations = stored.liquidations
        crowd.volume = stored.volume
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(memberTotals, forKey: .memberTotals)
        try c.encode(memberLiquidations, forKey: .memberLiquidations)
        try c.encode(memberCosts, forKey: .memberCosts)
        try c.encode(memberHedges, forKey: .memberHedges)
        try c.encode(StoredCrowd(
            maxPoolDeviationBps: crowd.maxPoolDeviationBps, inducedRebalances: crowd.inducedRebalances,
            maxCascadeDepth: crowd.maxCascadeDepth, liquidations: crowd.liquidations, volume: crowd.volume), forKey: .crowd)
    }
}

/// `stress PORTFOLIO.yaml`: the portfolio run on many simulated paths (the same paths as
/// `stress` of one plan: path k draws from its own generator, seeded from (seed, k) alone),
/// on several threads; results stored by path index, so they never depend on the threads.
public struct PortfolioStressRunner: Sendable {
    public let setup: PortfolioSetup
    public let settings: StressSettings

    public init(setup: PortfolioSetup, settings: StressSettings) {
        self.setup = setup
        self.settings = settings
    }

    public func outcome(path k: Int) throws -> PortfolioPathOutcome {
        var ticks = try StressRunner.ticks(path: k, settings: settings)
        var run = PortfolioRun(setup: setup)
        run.options = settings.runOptions
        run.keepsDetail = false
        let result = try run.run(&ticks)
        return PortfolioPathOutcome(
            path: k, memberTotals: result.members.map(\.pnl.total), memberLiquidations: result.members.map(\.liquidations),
            memberCosts: result.members.map(\.pnl.costs), memberHedges: result.members.map(\.hedges), crowd: result.crowd)
    }

    /// The outcomes of `paths` (increasing indices), in that order, on `threads` threads;
    /// `progress` as in `StressRunner.run`. The first error stops the run.
    public func run(paths: [Int], threads: Int, progress: (@Sendable (Int) -> Void)? = nil) throws -> [PortfolioPathOutcome] {
        try PathWorkers(threads: threads, progressEvery: 1, progress: progress).map(paths, outcome(path:))
    }
}

/// The distribution of a portfolio's outcomes over the paths: per member line, the P&L per
/// copy (its line's total over its copies) and the share of copies liquidated; and each
/// crowd figure's.
public struct PortfolioStressSummary: Sendable {
    public struct Member: Sendable {
        public var name: String
        public var copies: Int
        /// P&L per copy, QUOTE.
        public var pnlPerCopy: Distribution
        /// Copies liquidated per path.
        public var liquidations: Distribution
    }

    public var name: String
    public var quote: String
    public var base: String
    public var paths: Int
    public var members: [Member]
    public var maxPoolDeviationBps: Distribution
    public var inducedRebalances: Distribution
    public var maxCascadeDepth: Distribution
    public var liquidations: Distribution
    public var volume: Distribution

    public init(setup: PortfolioSetup, outcomes: [PortfolioPathOutcome]) {
        self.init(
            name: setup.name, quote: setup.members.first?.plan.strategy.quote ?? "", base: setup.members.first?.plan.strategy.base ?? "",
            members: setup.members.map { PortfolioStressHeader.Member(name: $0.name, copies: $0.copies) }, outcomes: outcomes)
    }

    /// The same from a partial result's header (`merge`).
    public init(header: PortfolioStressHeader, outcomes: [PortfolioPathOutcome]) {
        self.init(name: header.name, quote: header.quote, base: header.base, members: header.members, outcomes: outcomes)
    }

    init(name: String, quote: String, base: String, members lines: [PortfolioStressHeader.Member], outcomes: [PortfolioPathOutcome]) {
        self.name = name
        self.quote = quote
        self.base = base
        paths = outcomes.count
        members = lines.enumerated().map { m, member in
            Member(
                name: member.name, copies: member.copies,
                pnlPerCopy: Distribution(outcomes.map { $0.memberTotals[m] / Double(member.copies) }),
                liquidations: Distribution(outcomes.map { Double($0.memberLiquidations[m]) }))
        }
        maxPoolDeviationBps = Distribution(outcomes.map(\.crowd.maxPoolDeviationBps))
        inducedRebalances = Distribution(outcomes.map { Double($0.crowd.inducedRebalances) })
        maxCascadeDepth = Distribution(outcomes.map { Double($0.crowd.maxCascadeDepth) })
        liquidations = Distribution(outcomes.map { Double($0.crowd.liquidations) })
        volume = Distribution(outcomes.map(\.crowd.volume))
    }
}
