import Foundation
import HedgeplanRuntime
import PlanFormat
import Testing
@testable import HedgeplanSimulation

/// Partial results store path outcomes as columns: every field comes back to the bit, an
/// older layout is named by its version, and columns cut to different lengths are refused.
struct PathOutcomeColumnsTests {
    /// Two paths with every field set, to values whose shortest decimal form is long.
    static let outcomes: [PathOutcome] = (0..<2).map { k in
        var pnl = PnLComponents()
        let x = Double(k + 1)
        pnl.options = 574.9282535574677 * x
        pnl.underlying = -0.1 / 3 * x
        pnl.hedge = -604.2750831605256 * x
        pnl.fees = -37.928625516619675 * x
        pnl.slippage = 1.138832951552704e-12 * x
        pnl.gas = -0.0
        pnl.funding = 15.526910488089817 * x
        pnl.impermanentLoss = -2.0 / 7 * x
        pnl.lpFees = 1e-300 * x
        pnl.hasLiquidity = k == 1
        let tripped: [BreakerRule.Condition] = k == 0 ? [] : [.priceMove, .drawdown]
        return PathOutcome(path: 3 + 5 * k, hedged: BookOutcome(pnl: pnl, hedges: 47 + k, tripped: tripped), unhedged: .pi * x)
    }

    static func shardBytes() throws -> Data {
        let (plan, settings) = try StressDeterminismTests.condor(paths: 10)
        return StressShard(header: StressHeader(plan: plan, settings: settings), shards: 5, shardIndex: 3, outcomes: outcomes)
            .encoded()
    }

    @Test func everyFieldComesBackToTheBit() throws {
        let shard = try StressShard.decode(try Self.shardBytes(), file: "shard-3.json")
        #expect(shard.outcomes == Self.outcomes)
        let pairs = zip(shard.outcomes, Self.outcomes).flatMap { a, b in
            [(a.unhedged, b.unhedged), (a.hedged.pnl.slippage, b.hedged.pnl.slippage), (a.hedged.pnl.gas, b.hedged.pnl.gas),
             (a.hedged.pnl.lpFees, b.hedged.pnl.lpFees)]
        }
        for (a, b) in pairs { #expect(a.bitPattern == b.bitPattern) }
    }

    /// A field added to `PnLComponents` must get a column, or shards would drop it.
    @Test func everyPnLComponentHasAColumn() throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let components = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(PnLComponents())) as? [String: Any])
        let shard = try #require(try JSONSerialization.jsonObject(with: try Self.shardBytes()) as? [String: Any])
        let columns = try #require(shard["outcomes"] as? [String: Any])
        #expect(Set(components.keys).isSubset(of: Set(columns.keys)), "\(components.keys.sorted()) against \(columns.keys.sorted())")
        #expect(columns["path"] as? [Int] == [3, 8])
    }

    @Test func anOlderLayoutIsNamedByItsVersionAndCutColumnsAreRefused() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: try Self.shardBytes()) as? [String: Any])
        var older = object
        older["version"] = 1
        older["outcomes"] = [["path": 3]]
        #expect(throws: MergeProblem(file: "old.json", message: "version 1 of the partial result format; this hedgeplan reads version 2")) {
            try StressShard.decode(try JSONSerialization.data(withJSONObject: older), file: "old.json")
        }
        var columns = try #require(object["outcomes"] as? [String: Any])
        columns["hedges"] = [47]
        object["outcomes"] = columns
        #expect(throws: MergeProblem(file: "cut.json", message: "not a partial stress result: $.outcomes: cannot be read: outcome columns of different lengths (write one with `hedgeplan stress ... --shards N --shard-index I -o FILE`)")) {
            try StressShard.decode(try JSONSerialization.data(withJSONObject: object), file: "cut.json")
        }
    }
}
