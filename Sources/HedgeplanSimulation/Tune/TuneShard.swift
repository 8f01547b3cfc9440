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
    @StoredAsColumnsByCandidate public var outcomes: [[PathOutcome]]

    enum CodingKeys: String, CodingKey {
        case format, version, header, objective, candidates, shards, shardIndex, outcomes
        case specSHA256 = "specSha256"
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
            throw .unreadable("partial tune result of this version", file: file, error: error, hint: "write one with `hedgeplan tune ... --shards N --shard-index I -o FILE`")
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
    /// The tune's hash covers the base run, the candidates and the objective; a file edited
    /// by hand may have kept the hash and changed them.
    func agrees(with other: TuneShard) -> Bool {
        header == other.header && objective == other.objective
            && candidates.map(\.policy) == other.candidates.map(\.policy) && candidates.map(\.header) == other.candidates.map(\.header)
    }
    func pathProblem(expected: [Int]) -> String? {
        outcomes.count == candidates.count && outcomes.allSatisfy({ $0.map(\.path) == expected })
            ? nil : "does not hold every candidate's paths"
    }
}
