import Foundation

/// A partial `tune` result: shard I of N ran every candidate on the paths k with
/// k mod N = I. `merge` puts the shards back together into exactly what the unsharded
/// `tune` prints, refusing shards of another tune, missing or duplicate ones.
public struct TuneShard: Codable, Sendable, ShardedPartial {
    public static let formatName = "hedgeplan-tune-shard"
    /// The layout's version: 2 since each candidate's outcomes are stored as columns
    /// (`PathOutcomeColumns`).
    public static let formatVersion = 2

    /// A candidate as a shard records it: its policy and the header of its own plan.
    public struct Candidate: Codable, Sendable {
        public var policy: HedgePolicy
        public var header: StressHeader
        public init(policy: HedgePolicy, header: StressHeader) {
            self.policy = policy
            self.header = header
        }
    }

    public var format: String
    public var version: Int
    /// The base plan's run.
    public var header: StressHeader
    public var objective: String
    public var specSHA256: String
    public var candidates: [Candidate]
    public var shards: Int
    public var shardIndex: Int
    /// outcomes[c]: candidate c's outcomes on the shard's paths, in increasing index.
    public var outcomes: [[PathOutcome]]

    enum CodingKeys: String, CodingKey {
        case format, version, header, objective, candidates, shards, shardIndex, outcomes
        case specSHA256 = "specSha256"
    }

    /// Reads the outcomes only from a file of this version (see `StressShard`).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        version = try c.decode(Int.self, forKey: .version)
        header = try c.decode(StressHeader.self, forKey: .header)
        objective = try c.decode(String.self, forKey: .objective)
        specSHA256 = try c.decode(String.self, forKey: .specSHA256)
        candidates = try c.decode([Candidate].self, forKey: .candidates)
        shards = try c.decode(Int.self, forKey: .shards)
        shardIndex = try c.decode(Int.self, forKey: .shardIndex)
        outcomes = version == Self.formatVersion
            ? try c.decode([PathOutcomeColumns].self, forKey: .outcomes).map { try $0.outcomes(in: c, forKey: .outcomes) } : []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(version, forKey: .version)
        try c.encode(header, forKey: .header)
        try c.encode(objective, forKey: .objective)
        try c.encode(specSHA256, forKey: .specSHA256)
        try c.encode(candidates, forKey: .candidates)
        try c.encode(shards, forKey: .shards)
        try c.encode(shardIndex, forKey: .shardIndex)
        try c.encode(outcomes.map(PathOutcomeColumns.init), forKey: .outcomes)
    }

    public init(header: StressHeader, objective: TuneObjective, candidates: [Candidate], shards: Int, shardIndex: Int,
                outcomes: [[PathOutcome]]) {
        format = Self.formatName
        version = Self.formatVersion
        self.header = header
        self.objective = objective.text
        specSHA256 = TuneRunner.specSHA256(header: header, policies: candidates.map(\.policy), objective: objective)
        self.candidates = candidates
        self.shards = shards
        self.shardIndex = shardIndex
        self.outcomes = outcomes
    }

    public func encoded() -> Data { PartialResultCoding.encode(self) }

    public static func decode(_ data: Data, file: String) throws(MergeProblem) -> TuneShard {
        do {
            let shard = try PartialResultCoding.decode(TuneShard.self, from: data)
            guard shard.format == formatName, shard.version == formatVersion else { throw CocoaError(.coderReadCorrupt) }
            return shard
        } catch {
            throw MergeProblem(file: file, message: "not a partial tune result of this version (write one with `hedgeplan tune ... --shards N --shard-index I -o FILE`)")
        }
    }

    /// Checks that the shards are all the shards of one tune, each once, and returns its result.
    public static func merge(_ shards: [(file: String, shard: TuneShard)]) throws(MergeProblem) -> TuneResult {
        let first = try checkSet(shards)
        let all = first.candidates.indices.map { c in interleave(shards) { $0.outcomes[c] } }
        let objective: TuneObjective
        do { objective = try TuneObjective(parsing: first.objective) } catch {
            throw MergeProblem(file: shards[0].file, message: "\(error)")
        }
        return TuneRunner.result(header: first.header, objective: objective,
                                 candidates: Array(zip(first.candidates, all)))
    }
}

extension TuneShard {
    var totalPaths: Int { header.paths }
    static let runNoun = "tune"
    static let runParts = "plan, settings, candidates or objective"
    /// The tune's hash covers the base run, the candidates and the objective.
    func agrees(with other: TuneShard) -> Bool { true }
    func pathProblem(expected: [Int]) -> String? {
        outcomes.count == candidates.count && outcomes.allSatisfy({ $0.map(\.path) == expected })
            ? nil : "does not hold every candidate's paths"
    }
}
