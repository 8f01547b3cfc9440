import Synchronization
import Testing
@testable import HedgeplanSimulation

/// Paths run on several threads come back in path order, and a worker's own value is made
/// once per worker and seen only by the paths that worker ran.
struct PathWorkersTests {
    @Test(arguments: [1, 2, 4])
    func perWorkerValuesAreMadeOncePerWorkerAndResultsKeepPathOrder(threads: Int) throws {
        let made = Atomic<Int>(0)
        let paths = Array(stride(from: 3, to: 3_000, by: 3))
        // Each worker's value: its number (in order of making) and the paths it has run so far.
        let results = try PathWorkers(threads: threads).map(paths, perWorker: {
            (worker: made.add(1, ordering: .relaxed).newValue, ran: 0)
        }) { state, path in
            state.ran += 1
            return (path: path * 2, worker: state.worker, ranBefore: state.ran - 1)
        }
        #expect(results.map(\.path) == paths.map { $0 * 2 })
        let workers = made.load(ordering: .relaxed)
        #expect(workers == threads)
        // Each worker counted its own paths from 0: the counts per worker add up to all paths.
        var lastCount: [Int: Int] = [:]
        for r in results { lastCount[r.worker] = max(lastCount[r.worker] ?? 0, r.ranBefore + 1) }
        #expect(lastCount.values.reduce(0, +) == paths.count)
    }

    @Test func theFirstErrorStopsTheRun() {
        struct Broken: Error {}
        #expect(throws: Broken.self) {
            try PathWorkers(threads: 2).map(Array(0..<500), perWorker: { 0 }) { _, path -> Int in
                if path == 137 { throw Broken() }
                return path
            }
        }
    }
}
