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

    /// From every path's outcome: the same statistics `stress` prints for the same paths.
    public init(_ summary: StressSummary) {
        let c = summary.components
        cost = -(c.fees + c.slippage + c.gas + c.funding)
        std = summary.hedged.std
        es99 = summary.hedged.tails.first { $0.level == 0.99 }?.expectedShortfall ?? 0
        hedges = summary.hedgesMean
        mean = summary.hedged.mean
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

    public var header: StressHeader
    public var objective: TuneObjective
    public var candidates: [Candidate]
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
