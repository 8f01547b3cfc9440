import PlanFormat

/// What a portfolio run needs (simulation.md, "Portfolios"): its members' plans with their
/// copies and collateral, the venues they share, and the arbitrage share. Built by the
/// compiler from a portfolio file; each member's venues of a shared name are replaced by
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
            if var execution = member.plan.execution {
                execution.venues = execution.venues.map { own in venues.first { $0.venue.name == own.name }?.venue ?? own }
                member.plan.execution = execution
            }
            return member
        }
    }

    /// The shared venue called `name`.
    public func venue(named name: String) -> Venue? { venues.first { $0.venue.name == name } }
}

/// The order members act in within a tick.
public enum MemberOrder: Sendable, Equatable {
    /// By member line, then copy.
    case fixed
    /// Reshuffled on every tick from the seed.
    case shuffle(seed: UInt64)
}
