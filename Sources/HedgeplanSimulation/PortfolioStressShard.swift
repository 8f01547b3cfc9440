import Crypto
import Foundation
import PlanFormat

/// What a portfolio stress result says about how it was made: the portfolio's and its
/// member lines' names, the paths' settings (`StressHeader` of the first member, whose
/// market draws the paths) and `specSHA256` over the whole portfolio, which partial results
/// must share to be merged.
public struct PortfolioStressHeader: Codable, Equatable, Sendable {
    public struct Member: Codable, Equatable, Sendable {
        public var name: String
        public var copies: Int
    }

    public var name: String
    public var quote: String
    public var base: String
    public var members: [Member]
    /// The paths' settings.
    public var paths: StressHeader
    public var specSHA256: String

    /// `specSha256`: what `.convertFromSnakeCase` makes of `spec_sha256` (shard files).
    enum CodingKeys: String, CodingKey {
        case name, quote, base, members, paths
        case specSHA256 = "specSha256"
    }

    public init(setup: PortfolioSetup, settings: StressSettings) {
        name = setup.name
        quote = setup.members.first?.plan.strategy.quote ?? ""
        base = setup.members.first?.plan.strategy.base ?? ""
        members = setup.members.map { Member(name: $0.name, copies: $0.copies) }
        paths = StressHeader(plan: setup.members[0].plan, settings: settings)
        specSHA256 = Self.sha256(setup: setup, paths: paths)
    }

    /// SHA-256 of the paths' header hash and the whole portfolio: every member's plan
    /// (its path as typed left out), copies and collateral, the shared venues with their
    /// margin and mark, and the arbitrage share.
    static func sha256(setup: PortfolioSetup, paths: StressHeader) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(paths.specSHA256.utf8))
        hasher.update(data: Data("\narbitrage \(setup.arbitrage.bitPattern)\n".utf8))
        for m in setup.members {
            var anywhere = m.plan
            anywhere.source.path = ""
            hasher.update(data: Data("\(m.name) \(m.copies) \(m.collateral.bitPattern)\n".utf8))
            hasher.update(data: PlanCoding.encode(anywhere))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for v in setup.venues {
            // A plan venue holds finite numbers and strings only: encoding cannot fail.
            hasher.update(data: try! encoder.encode(v.venue))
            let margin = v.margin.map { "\($0.initial.bitPattern) \($0.maintenance.bitPattern)" } ?? "-"
            hasher.update(data: Data("\nmark \(v.mark ?? "-") margin \(margin)\n".utf8))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// A partial `stress PORTFOLIO` result: shard I of N ran the paths k with k mod N = I.
/// `merge` puts the shards back together into exactly what the unsharded run prints.
public struct PortfolioStressShard: Codable, Sendable, ShardedPartial {
    public static let formatName = "hedgeplan-portfolio-stress-shard"

    public var format: String
    public var version: Int
    public var header: PortfolioStressHeader
    public var shards: Int
    public var shardIndex: Int
    /// The shard's paths, in increasing index.
    public var outcomes: [PortfolioPathOutcome]

    public init(header: PortfolioStressHeader, shards: Int, shardIndex: Int, outcomes: [PortfolioPathOutcome]) {
        format = Self.formatName
        version = StressHeader.currentVersion
        self.header = header
        self.shards = shards
        self.shardIndex = shardIndex
        self.outcomes = outcomes
    }

    public func encoded() -> Data { PartialResultCoding.encode(self) }

    public static func decode(_ data: Data, file: String) throws(MergeProblem) -> PortfolioStressShard {
        do {
            let shard = try PartialResultCoding.decode(PortfolioStressShard.self, from: data)
            guard shard.format == formatName, shard.version == StressHeader.currentVersion else { throw CocoaError(.coderReadCorrupt) }
            return shard
        } catch {
            throw .unreadable(
                "partial portfolio stress result of this version", file: file, error: error,
                hint: "write one with `hedgeplan stress PORTFOLIO.yaml ... --shards N --shard-index I -o FILE`")
        }
    }

    /// Checks that `shards` are all the shards of one run, each once, and returns every
    /// path's outcome in index order.
    public static func merge(_ shards: [(file: String, shard: PortfolioStressShard)]) throws(MergeProblem) -> (PortfolioStressHeader, [PortfolioPathOutcome]) {
        let first = try checkSet(shards)
        return (first.header, interleave(shards, \.outcomes))
    }
}

extension PortfolioStressShard {
    var totalPaths: Int { header.paths.paths }
    var specSHA256: String { header.specSHA256 }
    static let runNoun = "portfolio run"
    static let runParts = "portfolio, members, venues or settings"
    func agrees(with other: PortfolioStressShard) -> Bool { header == other.header }
    func pathProblem(expected: [Int]) -> String? {
        outcomes.map(\.path) == expected ? nil : "does not hold exactly the paths"
    }
}
