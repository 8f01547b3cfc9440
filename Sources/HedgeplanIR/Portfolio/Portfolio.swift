import HedgeplanDiagnostics

/// A portfolio file after decoding: several strategies or plans that run in one engine on
/// shared venues (simulation.md, "Portfolios"). Member paths are as written; `resolvedPath`
/// resolves them against the portfolio file's folder.
public struct Portfolio: Sendable {
    public var name: Located<String>
    public var members: [PortfolioMember]
    public var venues: [SharedVenue]
    /// Share of a pool's deviation from the feed closed between ticks, a fraction in [0, 1].
    public var arbitrage: Located<Double>
    /// The portfolio file's path, as given.
    public var path: String
    public var location: SourceLocation

    /// The shared venue called `name`, if any.
    public func venue(named name: String) -> SharedVenue? { venues.first { $0.venue.name.value == name } }
}

public struct PortfolioMember: Sendable {
    public enum Source: Sendable, Equatable {
        /// A strategy file (YAML), compiled first.
        case strategy(String)
        /// A compiled plan (JSON).
        case plan(String)

        public var path: String {
            switch self {
            case .strategy(let path), .plan(let path): return path
            }
        }
    }

    public var source: Located<Source>
    /// Identical books of this member, >= 1.
    public var copies: Located<Int>
    /// QUOTE each copy posts as perp margin.
    public var collateral: Located<Double>
    public var location: SourceLocation

    /// The member's file, relative to the portfolio file's folder unless absolute.
    public func resolvedPath(portfolioPath: String) -> String {
        let path = source.value.path
        guard !path.hasPrefix("/") else { return path }
        guard let slash = portfolioPath.lastIndex(of: "/") else { return path }
        return String(portfolioPath[...slash]) + path
    }
}

/// A venue every member shares, with a perp's margin and mark.
public struct SharedVenue: Sendable {
    public var venue: Venue
    /// The kind as written, for diagnostics that compare kinds.
    public var kindLocation: SourceLocation
    /// perp: the shared pool whose price marks positions (nil: the feed).
    public var mark: Located<String>?
    public var margin: PerpMargin?
}

/// Perp margin as fractions of a position's notional at the mark.
public struct PerpMargin: Sendable, Equatable {
    public var initial: Double
    public var maintenance: Double
    public var location: SourceLocation
}
