/// A candidate policy's figures over the tune's paths, QUOTE per path.
public struct TuneFigures: Equatable, Sendable {
    /// Mean of what the hedge pays (fees + slippage + gas + funding), positive when paid.
    public var cost: Double
    /// Standard deviation of hedged P&L.
    public var std: Double
    /// Expected shortfall at 99% of hedged P&L (a loss, positive).
    public var es99: Double
    /// Mean rebalances per path.
    public var hedges: Double
    /// Mean hedged P&L (for the report).
    public var mean: Double
    /// Standard errors: of the mean cost (std of per-path costs / sqrt n); of the std
    /// (sqrt((m4 − σ⁴) / (4 σ² n)), the delta method, no normality assumed); of ES 99%
    /// (`Distribution`'s tail standard error; nil with fewer than two paths in the tail, where
    /// it is not defined: 100 paths or fewer).
    public var costStderr = 0.0, stdStderr = 0.0
    public var es99Stderr: Double?
    /// `tune PORTFOLIO`: the mean share of the member line's copies liquidated per path, in
    /// [0, 1]; nil for a single plan.
    public var liquidatedShare: Double?

    /// From every path's outcome: the same statistics `stress` prints for the same paths.
    public init(_ summary: StressSummary, outcomes: [PathOutcome] = []) {
        let c = summary.components
        cost = -(c.fees + c.slippage + c.gas + c.funding)
        std = summary.hedged.std
        let tail = summary.hedged.tails.first { $0.level == 0.99 }
        es99 = tail?.expectedShortfall ?? 0
        es99Stderr = tail?.definedShortfallStderr
        hedges = summary.hedgesMean
        mean = summary.hedged.mean
        addStandardErrors(totals: outcomes.map(\.hedged.pnl.total), costs: outcomes.map { -$0.hedged.pnl.costs })
    }

    /// From per-path figures: hedged P&L `totals`, hedge `costs` (positive when paid) and
    /// `rebalances`, each per path. `tune PORTFOLIO` passes one member line's, per copy.
    public init(totals: [Double], costs: [Double], rebalances: [Double]) {
        let pnl = Distribution(totals)
        cost = Distribution(costs).mean
        std = pnl.std
        let tail = pnl.tails.first { $0.level == 0.99 }
        es99 = tail?.expectedShortfall ?? 0
        es99Stderr = tail?.definedShortfallStderr
        hedges = Distribution(rebalances).mean
        mean = pnl.mean
        addStandardErrors(totals: totals, costs: costs)
    }

    /// The standard errors of the mean cost and of the std (see above) from the per-path
    /// figures; none from a single path.
    private mutating func addStandardErrors(totals: [Double], costs: [Double]) {
        guard totals.count > 1 else { return }
        let n = Double(totals.count)
        costStderr = Distribution(costs).stderr
        var m4 = 0.0
        for total in totals {
            let d = total - mean
            m4 += d * d * d * d
        }
        m4 /= n
        let variance = std * std
        stdStderr = variance > 0 ? (max(m4 - variance * variance, 0) / (4 * variance * n)).squareRoot() : 0
    }

    public init(cost: Double, std: Double, es99: Double, hedges: Double, mean: Double) {
        self.cost = cost
        self.std = std
        self.es99 = es99
        self.hedges = hedges
        self.mean = mean
    }
}

/// The result of `tune`: every candidate's figures, the Pareto set and the recommendation.
public struct TuneResult: Sendable {
    public struct Candidate: Sendable {
        public var policy: HedgePolicy
        public var figures: TuneFigures
        public var objective: Double
        /// No other candidate has both a lower cost and a lower std.
        public var pareto: Bool
    }

    /// `tune PORTFOLIO --member NAME`: the member line whose policy the candidates replace.
    public struct MemberScope: Sendable, Equatable {
        public var portfolio: String
        public var member: String
        /// Its copies: the figures are per copy.
        public var copies: Int
        /// The other member lines, which keep their own policies.
        public var crowd: [String]

        public init(portfolio: String, member: String, copies: Int, crowd: [String]) {
            self.portfolio = portfolio
            self.member = member
            self.copies = copies
            self.crowd = crowd
        }
    }

    public var header: StressHeader
    public var objective: TuneObjective
    public var candidates: [Candidate]
    /// Set when the candidates were tried on one member line of a portfolio.
    public var member: MemberScope?
    /// The candidate with the lowest objective (the first of equals).
    public var recommended: Int
    /// SHA-256 of the base run's spec, the candidates' texts and the objective.
    public var specSHA256: String

    public init(header: StressHeader, objective: TuneObjective, evaluated: [(HedgePolicy, TuneFigures)], specSHA256: String) {
        self.header = header
        self.objective = objective
        self.specSHA256 = specSHA256
        candidates = evaluated.map { policy, figures in
            let dominated = evaluated.contains { $0.1.cost < figures.cost && $0.1.std < figures.std }
            return Candidate(policy: policy, figures: figures, objective: objective.value(figures), pareto: !dominated)
        }
        var best = 0
        for (i, c) in candidates.enumerated() where c.objective < candidates[best].objective { best = i }
        recommended = best
    }
}
