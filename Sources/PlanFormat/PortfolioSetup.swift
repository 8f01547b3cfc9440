/// What a portfolio run needs (simulation.md, "Portfolios"): its members' plans with their
/// copies and collateral, the venues they share, and the arbitrage share: the compiled form
/// of a portfolio file, as a plan is of a strategy (the compiler builds it, the runtime runs
/// it, neither depends on the other); each member's venues of a shared name are replaced by
/// the shared one here, so the runtime never sees a member's own version of a shared venue.
public struct PortfolioSetup: Sendable {
    public struct Member: Sendable {
        /// What reports call the member: its file's name as written in the portfolio.
        public var name: String
        public var plan: HedgingPlan
        public var copies: Int
        /// QUOTE posted per copy as perp margin.
        public var collateral: Double

        public init(name: String, plan: HedgingPlan, copies: Int, collateral: Double) {
            self.name = name
            self.plan = plan
            self.copies = copies
            self.collateral = collateral
        }
    }

    /// A shared venue, with a perp's mark and margin.
    public struct Venue: Sendable {
        public var venue: PlanVenue
        /// perp: the shared constant-product pool whose mid marks positions; nil: the feed.
        public var mark: String?
        public var margin: Margin?

        public init(venue: PlanVenue, mark: String? = nil, margin: Margin? = nil) {
            self.venue = venue
            self.mark = mark
            self.margin = margin
        }
    }

    /// Fractions of a perp position's notional at the mark.
    public struct Margin: Sendable, Equatable {
        /// Equity a position needs to grow.
        public var initial: Double
        /// Equity below which a position is liquidated.
        public var maintenance: Double

        public init(initial: Double, maintenance: Double) {
            self.initial = initial
            self.maintenance = maintenance
        }
    }

    public var name: String
    public var members: [Member]
    public var venues: [Venue]
    /// Share of a pool's deviation from the feed closed between ticks, in [0, 1].
    public var arbitrage: Double

    public init(name: String, members: [Member], venues: [Venue], arbitrage: Double) {
        self.name = name
        self.venues = venues
        self.arbitrage = arbitrage
        self.members = members.map { member in
            var member = member
            member.plan = Self.sharing(venues, in: member.plan)
            return member
        }
    }

    /// The same portfolio with member line `index` running `plan` instead (its copies and
    /// collateral kept, the shared venues replacing its own): how `tune` tries a policy on
    /// one member while the rest of the crowd keeps theirs.
    public func replacingPlan(ofMember index: Int, with plan: HedgingPlan) -> PortfolioSetup {
        var copy = self
        copy.members[index].plan = Self.sharing(venues, in: plan)
        return copy
    }

    /// `plan` with its venues of a shared name replaced by the shared ones.
    private static func sharing(_ venues: [Venue], in plan: HedgingPlan) -> HedgingPlan {
        guard var execution = plan.execution else { return plan }
        var plan = plan
        execution.venues = execution.venues.map { own in venues.first { $0.venue.name == own.name }?.venue ?? own }
        plan.execution = execution
        return plan
    }

    /// The shared venue called `name`.
    public func venue(named name: String) -> Venue? { venues.first { $0.venue.name == name } }
}
