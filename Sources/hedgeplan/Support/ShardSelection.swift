import ArgumentParser

/// Which shard this process runs: `--shard-index`, else the index an existing distributed
/// engine gives its tasks: `JOB_COMPLETION_INDEX` (a Kubernetes Indexed Job), else
/// `SLURM_ARRAY_TASK_ID` minus `SLURM_ARRAY_TASK_MIN` (a Slurm job array; the minimum
/// defaults to 0).
enum ShardSelection {
    static func index(explicit: Int?, shards: Int, environment: [String: String]) throws -> Int {
        let index: Int
        if let explicit {
            index = explicit
        } else if let k8s = environment["JOB_COMPLETION_INDEX"] {
            guard let v = Int(k8s) else { throw ValidationError("JOB_COMPLETION_INDEX is `\(k8s)`, not an integer") }
            index = v
        } else if let slurm = environment["SLURM_ARRAY_TASK_ID"] {
            let minimum = environment["SLURM_ARRAY_TASK_MIN"] ?? "0"
            guard let id = Int(slurm), let low = Int(minimum) else {
                throw ValidationError("SLURM_ARRAY_TASK_ID `\(slurm)` and SLURM_ARRAY_TASK_MIN `\(minimum)` must be integers")
            }
            let (difference, overflow) = id.subtractingReportingOverflow(low)
            guard !overflow else {
                throw ValidationError("SLURM_ARRAY_TASK_ID \(id) minus SLURM_ARRAY_TASK_MIN \(low) is out of range")
            }
            index = difference
        } else {
            throw ValidationError("--shards \(shards) needs the shard's index: --shard-index I, or JOB_COMPLETION_INDEX (Kubernetes Indexed Job), or SLURM_ARRAY_TASK_ID (Slurm job array)")
        }
        guard index >= 0, index < shards else {
            throw ValidationError("shard index \(index) is not within 0..<\(shards) (--shards \(shards))")
        }
        return index
    }
}
