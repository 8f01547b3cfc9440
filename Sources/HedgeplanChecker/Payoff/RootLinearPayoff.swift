import Pricing

/// The P&L of legs that expire together (or never) when some are liquidity positions, as
/// the function of spot S >= 0 it is: between breakpoints (strikes and the lp ranges' ends)
/// it is a + b S + c sqrt(S) with c >= 0.
///
/// Why this shape: an lp position of liquidity L on [pa, pb] is worth (Uniswap v3
/// whitepaper, 6.2.1) L (1/sqrt(pa) - 1/sqrt(pb)) S below its range (all BASE, linear in S),
/// L (2 sqrt(S) - sqrt(pa) - S/sqrt(pb)) inside it, and L (sqrt(pb) - sqrt(pa)) above it
/// (all QUOTE); full range (pa -> 0, pb -> inf) is 2 L sqrt(S). Options at expiry, spot,
/// perps and futures add linear pieces. With c >= 0 every piece is concave, so its lowest
/// value on an interval is at an end: the loss over the whole half-line [0, inf) is decided
/// by the values at 0 and at the breakpoints, and by the last piece's trend (b < 0: unbounded).
public struct RootLinearPayoff: Sendable {
    /// a + b S + c sqrt(S), QUOTE; b in BASE, c in sqrt(QUOTE * BASE).
    public struct Piece: Sendable, Equatable {
        public var constant: Double
        public var slope: Double
        public var root: Double

        public init(constant: Double, slope: Double, root: Double) {
            self.constant = constant
            self.slope = slope
            self.root = root
        }

        public func value(at s: Double) -> Double { constant + slope * s + root * s.squareRoot() }

        /// The one spot where a piece with c > 0 and b < 0 peaks: sqrt(S) = -c / (2 b).
        public var peak: Double? {
            guard root > 0, slope < 0 else { return nil }
            let u = -root / (2 * slope)
            return u * u
        }

        /// Spots in the open interval (lower, upper) where the piece is zero: roots of
        /// b u^2 + c u + a = 0 with u = sqrt(S).
        public func zeros(after lower: Double, before upper: Double) -> [Double] {
            var us: [Double] = []
            if slope == 0 {
                if root != 0 { us = [-constant / root] }
            } else if root == 0 {
                let s = -constant / slope
                if s >= 0 { us = [s.squareRoot()] }
            } else {
                let discriminant = root * root - 4 * slope * constant
                if discriminant >= 0 {
                    // The numerically stable pair: q = -(c + sign(c) sqrt(disc)) / 2.
                    let q = -(root + discriminant.squareRoot()) / 2
                    us = [q / slope, q == 0 ? 0 : constant / q]
                }
            }
            return us.filter { $0 >= 0 }.map { $0 * $0 }.filter { $0 > lower && $0 < upper }.sorted()
        }
    }

    /// Strikes and finite, positive lp range ends, sorted, distinct.
    public let breakpoints: [Double]
    /// `pieces[0]` on [0, breakpoints[0]], `pieces[i]` on [breakpoints[i-1], breakpoints[i]],
    /// the last one from the last breakpoint to infinity.
    public let pieces: [Piece]
    /// P&L (QUOTE) at each breakpoint, evaluated directly from the legs.
    public let values: [Double]
    /// P&L at S = 0 (the limit: every lp position is worth nothing there).
    public var valueAtZero: Double { pieces[0].constant }

    private let legs: [ResolvedLeg]

    /// Nil when options or futures expire apart (the P&L then needs the model).
    public init?(legs: [ResolvedLeg]) {
        guard Set(legs.compactMap(\.expiryYears)).count <= 1 else { return nil }
        var points: Set<Double> = []
        for leg in legs {
            switch leg.terms {
            case .option(_, let strike, _): points.insert(strike)
            case .linear, .future: break
            case .liquidity(let position, _):
                if position.lower > 0 { points.insert(position.lower) }
                if position.upper.isFinite { points.insert(position.upper) }
            }
        }
        self.legs = legs
        breakpoints = points.sorted()
        pieces = (0...breakpoints.count).map { [breakpoints] i in
            let lower = i == 0 ? 0 : breakpoints[i - 1]
            let upper = i == breakpoints.count ? lower * 2 + 1 : breakpoints[i]
            return Self.piece(legs, around: (lower + upper) / 2)
        }
        values = breakpoints.map { Self.value(legs, at: $0) }
    }

    /// P&L at expiry at spot `s` (QUOTE): payoffs and pool values minus what opening the legs cost.
    public func value(at s: Double) -> Double { s == 0 ? valueAtZero : Self.value(legs, at: s) }

    public var slopeAtInfinity: Double { pieces[pieces.count - 1].slope }
    /// Infinite when a full-range position holds the first piece (2 L sqrt(S) is vertical at 0).
    public var slopeAtZero: Double { pieces[0].root > 0 ? .infinity : pieces[0].slope }

    static func value(_ legs: [ResolvedLeg], at s: Double) -> Double {
        var total = 0.0
        for leg in legs {
            switch leg.terms {
            case .option(let kind, let strike, _):
                total += leg.quantity * (max(kind.sign * (s - strike), 0) - leg.premium)
            case .linear(let entry), .future(let entry, _):
                total += leg.quantity * (s - entry)
            case .liquidity(let position, let capital):
                total += position.value(at: s) - capital
            }
        }
        return total
    }

    /// The coefficients of the legs active at an interior spot `s` of a piece.
    static func piece(_ legs: [ResolvedLeg], around s: Double) -> Piece {
        var p = Piece(constant: 0, slope: 0, root: 0)
        for leg in legs {
            let q = leg.quantity
            switch leg.terms {
            case .option(let kind, let strike, _):
                p.constant -= q * leg.premium
                if kind == .call, strike < s { p.slope += q; p.constant -= q * strike }
                if kind == .put, strike > s { p.slope -= q; p.constant += q * strike }
            case .linear(let entry), .future(let entry, _):
                p.slope += q
                p.constant -= q * entry
            case .liquidity(let position, let capital):
                let l = position.liquidity
                let rootLower = position.lower.squareRoot(), inverseRootUpper = 1 / position.upper.squareRoot()
                p.constant -= capital
                if s < position.lower {
                    p.slope += l * (1 / rootLower - inverseRootUpper)
                } else if s > position.upper {
                    p.constant += l * (position.upper.squareRoot() - rootLower)
                } else {
                    p.root += 2 * l
                    p.slope -= l * inverseRootUpper
                    p.constant -= l * rootLower
                }
            }
        }
        return p
    }
}
