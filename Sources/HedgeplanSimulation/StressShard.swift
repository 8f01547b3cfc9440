import Foundation
import PlanFormat

/// A partial `stress` result: shard I of N ran the paths k with k mod N = I. `merge` puts
/// the shards of one run back together into exactly what the unsharded run prints.
///
/// Numbers are written in Swift's shortest round-trip form and read back to the same bits,
/// so a merged result equals the single-machine one byte for byte.
public struct StressShard: Codable, Equatable, Sendable, ShardedPartial {
    public static let formatName = "hedgeplan-stress-shard"
    /// The layout's version: 2 since the outcomes are stored as columns
    /// (`PathOutcomeColumns`), which `merge` reads about three times faster.
    public static let formatVersion = 2

    public var format: String
    public var version: Int
    public var header: StressHeader
    public var shards: Int
    public var shardIndex: Int
    /// The shard's paths, in increasing index.
    @StoredAsColumns public var outcomes: [PathOutcome]

    public init(header: StressHeader, shards: Int, shardIndex: Int, outcomes: [PathOutcome]) {
        format = Self.formatName
        version = Self.formatVersion
        self.header = header
        self.shards = shards
        self.shardIndex = shardIndex
        self.outcomes = outcomes
    }

    /// The paths shard `index` of `count` runs, for a run of `paths` paths.
    public static func paths(total paths: Int, shards count: Int, index: Int) -> [Int] {
        Array(stride(from: index, to: paths, by: count))
    }

    public func encoded() -> Data { PartialResultCoding.encode(self) }

    /// Reads a shard file's bytes; `file` names it in the error.
    public static func decode(_ data: Data, file: String) throws(MergeProblem) -> StressShard {
        let shard: StressShard
        do {
            shard = try PartialResultCoding.decode(StressShard.self, from: data)
        } catch {
            // Another version's layout does not decode: say which version it is.
            if let stamp = FormatStamp(data), stamp.format == formatName, let version = stamp.version, version != formatVersion {
                throw otherVersion(version, file: file)
            }
            throw .unreadable("partial stress result", file: file, error: error, hint: "write one with `hedgeplan stress ... --shards N --shard-index I -o FILE`")
        }
        guard shard.format == formatName else {
            throw MergeProblem(file: file, message: "format is \"\(shard.format)\", expected \"\(formatName)\"")
        }
        guard shard.version == formatVersion else { throw otherVersion(shard.version, file: file) }
        return shard
    }

    /// A partial result written in another layout (by another hedgeplan).
    private static func otherVersion(_ version: Int, file: String) -> MergeProblem {
        MergeProblem(file: file, message: "version \(version) of the partial result format; this hedgeplan reads version \(formatVersion)")
    }

    /// Checks that `shards` (with the files they came from, in the order given) are all the
    /// shards of one run, each once, and returns every path's outcome in index order.
    public static func merge(_ shards: [(file: String, shard: StressShard)]) throws(MergeProblem) -> (StressHeader, [PathOutcome]) {
        let first = try checkSet(shards)
        return (first.header, interleave(shards, \.outcomes))
    }
}

extension StressShard {
    var totalPaths: Int { header.paths }
    var specSHA256: String { header.specSHA256 }
    static let runNoun = "run"
    static let runParts = "plan or settings"
    func agrees(with other: StressShard) -> Bool { header == other.header }
    func pathProblem(expected: [Int]) -> String? {
        outcomes.map(\.path) == expected ? nil : "holds \(outcomes.count) paths, not the \(expected.count)"
    }
}

/// Why partial results cannot be merged, naming the file.
public struct MergeProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
    public var description: String { "\(file): \(message)" }

    /// A file that does not decode as a `kind` ("partial stress result"): with the field at
    /// fault and what it should hold when the file is JSON whose structure is damaged, and how
    /// to write a good one (`hint`).
    static func unreadable(_ kind: String, file: String, error: any Error, hint: String) -> MergeProblem {
        if let problem = error as? PlanProblem, problem.path != "$" {
            return MergeProblem(file: file, message: "not a \(kind): \(problem) (\(hint))")
        }
        return MergeProblem(file: file, message: "not a \(kind) (\(hint))")
    }
}
