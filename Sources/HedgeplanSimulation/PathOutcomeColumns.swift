import HedgeplanRuntime
import PlanFormat

/// Path outcomes as a partial result stores them: one array a field, in path order, instead
/// of one object a path. A shard of 10,000 paths is then 1.4 MB instead of 3.1 MB, and
/// Foundation's `JSONDecoder`, which `merge` spends most of its time in, reads it about three
/// times faster (sixteen keys a file to match, not sixteen a path).
///
/// Numbers are written in Swift's shortest round-trip form and read back to the same bits,
/// as every partial result's are.
struct PathOutcomeColumns: Codable, Equatable, Sendable {
    var path: [Int]
    /// The unhedged structure's P&L, QUOTE.
    var unhedged: [Double]
    /// The hedged plan's rebalances.
    var hedges: [Int]
    /// The breaker conditions each path tripped (`BookOutcome.tripped`).
    var tripped: [[BreakerRule.Condition]]
    /// The hedged plan's P&L components, QUOTE (`PnLComponents`).
    var options: [Double], underlying: [Double], hedge: [Double], fees: [Double], slippage: [Double], gas: [Double]
    var funding: [Double], impermanentLoss: [Double], lpFees: [Double]
    var hasLiquidity: [Bool]

    /// The largest |P&L amount| a partial result may hold, QUOTE. Runs reach 1e25 (a naked
    /// short call on a path with a 1000% drift), and `merge` must take whatever a run wrote;
    /// past 1e150 the square of an amount overflows the standard deviation to infinity, so
    /// such a file (1e308 by hand once crashed `merge`) is refused as damaged.
    static let largestAmount = 1e150

    init(_ outcomes: [PathOutcome]) {
        path = outcomes.map(\.path)
        unhedged = outcomes.map(\.unhedged)
        hedges = outcomes.map(\.hedged.hedges)
        tripped = outcomes.map(\.hedged.tripped)
        let pnl = outcomes.map(\.hedged.pnl)
        options = pnl.map(\.options)
        underlying = pnl.map(\.underlying)
        hedge = pnl.map(\.hedge)
        fees = pnl.map(\.fees)
        slippage = pnl.map(\.slippage)
        gas = pnl.map(\.gas)
        funding = pnl.map(\.funding)
        impermanentLoss = pnl.map(\.impermanentLoss)
        lpFees = pnl.map(\.lpFees)
        hasLiquidity = pnl.map(\.hasLiquidity)
    }

    /// The outcomes again, in the stored order; a decoding error at `codingPath` when the
    /// columns differ in length (a file edited by hand).
    func outcomes(codingPath: [any CodingKey]) throws -> [PathOutcome] {
        let n = path.count
        let lengths = [
            unhedged.count, hedges.count, tripped.count, options.count, underlying.count, hedge.count, fees.count,
            slippage.count, gas.count, funding.count, impermanentLoss.count, lpFees.count, hasLiquidity.count,
        ]
        guard lengths.allSatisfy({ $0 == n }) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "outcome columns of different lengths"))
        }
        let amounts = [unhedged, options, underlying, hedge, fees, slippage, gas, funding, impermanentLoss, lpFees]
        if let wild = amounts.joined().first(where: { !(abs($0) <= Self.largestAmount) }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath, debugDescription: "an amount of \(wild) QUOTE, beyond 1e150, where the statistics overflow"))
        }
        if let negative = hedges.first(where: { $0 < 0 }) {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "\(negative) rebalances"))
        }
        return (0..<n).map { i in
            var pnl = PnLComponents()
            pnl.options = options[i]
            pnl.underlying = underlying[i]
            pnl.hedge = hedge[i]
            pnl.fees = fees[i]
            pnl.slippage = slippage[i]
            pnl.gas = gas[i]
            pnl.funding = funding[i]
            pnl.impermanentLoss = impermanentLoss[i]
            pnl.lpFees = lpFees[i]
            pnl.hasLiquidity = hasLiquidity[i]
            return PathOutcome(path: path[i], hedged: BookOutcome(pnl: pnl, hedges: hedges[i], tripped: tripped[i]), unhedged: unhedged[i])
        }
    }
}

/// A partial result's path outcomes, coded as `PathOutcomeColumns` by the shard's
/// synthesized `Codable`.
@propertyWrapper
public struct StoredAsColumns: Codable, Equatable, Sendable {
    public var wrappedValue: [PathOutcome]

    public init(wrappedValue: [PathOutcome]) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws {
        wrappedValue = try PathOutcomeColumns(from: decoder).outcomes(codingPath: decoder.codingPath)
    }

    public func encode(to encoder: any Encoder) throws { try PathOutcomeColumns(wrappedValue).encode(to: encoder) }
}

extension StoredAsColumns: EncodedShape {
    public var encodedShape: Any { PathOutcomeColumns(wrappedValue) }
}

extension StoredAsColumnsByCandidate: EncodedShape {
    public var encodedShape: Any { wrappedValue.map(PathOutcomeColumns.init) }
}

/// `StoredAsColumns` for a tune's outcomes: one set of columns a candidate.
@propertyWrapper
public struct StoredAsColumnsByCandidate: Codable, Equatable, Sendable {
    public var wrappedValue: [[PathOutcome]]

    public init(wrappedValue: [[PathOutcome]]) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws { wrappedValue = try [StoredAsColumns](from: decoder).map(\.wrappedValue) }

    public func encode(to encoder: any Encoder) throws { try wrappedValue.map(StoredAsColumns.init).encode(to: encoder) }
}
