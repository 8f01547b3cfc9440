import Foundation

/// A partial `stress` result: shard I of N ran the paths k with k mod N = I. `merge` puts
/// the shards of one run back together into exactly what the unsharded run prints.
///
/// Numbers are written in Swift's shortest round-trip form and read back to the same bits,
/// so a merged result equals the single-machine one byte for byte.
public struct StressShard: Codable, Equatable, Sendable {
    public static let formatName = "hedgeplan-stress-shard"

    public var format: String
    public var version: Int
    public var header: StressHeader
    public var shards: Int
    public var shardIndex: Int
    /// The shard's paths, in increasing index.
    public var outcomes: [PathOutcome]

    public init(header: StressHeader, shards: Int, shardIndex: Int, outcomes: [PathOutcome]) {
        format = Self.formatName
        version = StressHeader.currentVersion
        self.header = header
        self.shards = shards
        self.shardIndex = shardIndex
        self.outcomes = outcomes
    }

    /// The paths shard `index` of `count` runs, for a run of `paths` paths.
    public static func paths(total paths: Int, shards count: Int, index: Int) -> [Int] {
        Array(stride(from: index, to: paths, by: count))
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Outcomes hold finite numbers (the engine's P&L is finite): encoding cannot fail.
        var data = try! encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads a shard file's bytes; `file` names it in the error.
    public static func decode(_ data: Data, file: String) throws(MergeProblem) -> StressShard {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let shard: StressShard
        do {
            shard = try decoder.decode(StressShard.self, from: data)
        } catch {
            throw MergeProblem(file: file, message: "not a partial stress result (write one with `hedgeplan stress ... --shards N --shard-index I -o FILE`)")
        }
        guard shard.format == formatName else {
            throw MergeProblem(file: file, message: "format is \"\(shard.format)\", expected \"\(formatName)\"")
        }
        guard shard.version == StressHeader.currentVersion else {
            throw MergeProblem(file: file, message: "version \(shard.version) of the partial result format; this hedgeplan reads version \(StressHeader.currentVersion)")
        }
        return shard
    }

    /// Checks that `shards` (with the files they came from, in the order given) are all the
    /// shards of one run, each once, and returns every path's outcome in index order.
    public static func merge(_ shards: [(file: String, shard: StressShard)]) throws(MergeProblem) -> (StressHeader, [PathOutcome]) {
        guard let (firstFile, first) = shards.first else { throw MergeProblem(file: "-", message: "no partial results to merge") }
        var byIndex: [Int: String] = [:]
        for (file, shard) in shards {
            guard shard.header.specSHA256 == first.header.specSHA256, shard.header == first.header else {
                throw MergeProblem(file: file, message: "a different run from \(firstFile) (spec_sha256 \(shard.header.specSHA256.prefix(12))… against \(first.header.specSHA256.prefix(12))…): other plan or settings")
            }
            guard shard.shards == first.shards else {
                throw MergeProblem(file: file, message: "shard \(shard.shardIndex) of \(shard.shards), but \(firstFile) is of \(first.shards)")
            }
            guard shard.shardIndex >= 0, shard.shardIndex < shard.shards else {
                throw MergeProblem(file: file, message: "shard index \(shard.shardIndex) is not within 0..<\(shard.shards)")
            }
            if let other = byIndex[shard.shardIndex] {
                throw MergeProblem(file: file, message: "duplicate: shard \(shard.shardIndex) of \(shard.shards) is also \(other)")
            }
            byIndex[shard.shardIndex] = file
            let expected = paths(total: shard.header.paths, shards: shard.shards, index: shard.shardIndex)
            guard shard.outcomes.map(\.path) == expected else {
                throw MergeProblem(file: file, message: "holds \(shard.outcomes.count) paths, not the \(expected.count) of shard \(shard.shardIndex) of \(shard.shards) (damaged or edited)")
            }
        }
        let missing = (0..<first.shards).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.prefix(10).map(String.init).joined(separator: ", ") + (missing.count > 10 ? ", …" : "")
            throw MergeProblem(file: firstFile, message: "\(missing.count) of \(first.shards) shards missing: \(list)")
        }
        var outcomes = [PathOutcome?](repeating: nil, count: first.header.paths)
        for (_, shard) in shards {
            for o in shard.outcomes { outcomes[o.path] = o }
        }
        return (first.header, outcomes.map { $0! })
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
}
