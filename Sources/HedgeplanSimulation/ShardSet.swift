/// A partial result of a sharded run (`StressShard`, `TuneShard`): what `merge` checks of
/// any of them before putting them together.
protocol ShardedPartial {
    var shards: Int { get }
    var shardIndex: Int { get }
    /// The run's paths, all shards together.
    var totalPaths: Int { get }
    var specSHA256: String { get }
    /// "run" or "tune", and what differs when the hashes do, for messages.
    static var runNoun: String { get }
    static var runParts: String { get }
    /// Whether `other` is of the same run beyond the hash (the headers agree).
    func agrees(with other: Self) -> Bool
    /// Nil when the shard holds exactly the paths `expected`; else what is wrong.
    func pathProblem(expected: [Int]) -> String?
}

extension ShardedPartial {
    /// Every path's value in path order, once `checkSet` has passed: path k is the
    /// (k / N)-th value of shard k mod N, so no array of placeholders is filled and then
    /// copied (a merge of 10 million paths holds two copies of the outcomes, not three).
    static func interleave<Value>(_ shards: [(file: String, shard: Self)], _ values: (Self) -> [Value]) -> [Value] {
        let lists = shards.map(\.shard).sorted { $0.shardIndex < $1.shardIndex }.map(values)
        let count = lists.count
        return (0..<(shards.first?.shard.totalPaths ?? 0)).map { k in lists[k % count][k / count] }
    }

    /// Checks that `shards` (with their files, in the order given) are all the shards of one
    /// run, each once: the same spec, the same shard count, each index once and in range,
    /// each shard holding its own paths, none missing. Returns the first.
    static func checkSet(_ shards: [(file: String, shard: Self)]) throws(MergeProblem) -> Self {
        guard let (firstFile, first) = shards.first else { throw MergeProblem(file: "-", message: "no partial results to merge") }
        var byIndex: [Int: String] = [:]
        for (file, shard) in shards {
            guard shard.specSHA256 == first.specSHA256 else {
                throw MergeProblem(file: file, message: "a different \(runNoun) from \(firstFile) (spec_sha256 \(shard.specSHA256.prefix(12))… against \(first.specSHA256.prefix(12))…): other \(runParts)")
            }
            guard shard.agrees(with: first) else {
                throw MergeProblem(file: file, message: "the same spec_sha256 as \(firstFile) but other \(runParts): one of the two was edited after it was written")
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
            let expected = StressShard.paths(total: shard.totalPaths, shards: shard.shards, index: shard.shardIndex)
            if let problem = shard.pathProblem(expected: expected) {
                throw MergeProblem(file: file, message: "\(problem) of shard \(shard.shardIndex) of \(shard.shards) (damaged or edited)")
            }
        }
        let missing = (0..<first.shards).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.prefix(10).map(String.init).joined(separator: ", ") + (missing.count > 10 ? ", …" : "")
            throw MergeProblem(file: firstFile, message: "\(missing.count) of \(first.shards) shards missing: \(list)")
        }
        return first
    }
}
