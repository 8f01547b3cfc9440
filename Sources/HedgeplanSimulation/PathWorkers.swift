import Dispatch
import Foundation

/// Runs one computation per path index on several threads and returns the results in the
/// order of the indices, so they never depend on which thread ran which path. `stress`,
/// `stress PORTFOLIO` and `tune` share it.
public struct PathWorkers: Sendable {
    public var threads: Int
    /// `progress` is called with the paths done so far, at most every this many paths.
    public var progressEvery: Int
    /// Called from the worker that finished the paths.
    public var progress: (@Sendable (Int) -> Void)?

    public init(threads: Int, progressEvery: Int = 64, progress: (@Sendable (Int) -> Void)? = nil) {
        self.threads = threads
        self.progressEvery = progressEvery
        self.progress = progress
    }

    /// `body(paths[i])` for every i, in that order. The first error stops the run; paths are
    /// claimed in chunks, so the lock is taken once per chunk, never per tick.
    public func map<Outcome: Sendable>(_ paths: [Int], _ body: @Sendable (Int) throws -> Outcome) throws -> [Outcome] {
        try map(paths, perWorker: {}) { _, path in try body(path) }
    }

    /// `map` with a value each worker makes once (`perWorker`, on its own thread) and hands
    /// to every path it runs: what the paths would otherwise share between threads. Copies
    /// of one value share its arrays' storage, and every copy made or dropped on two cores at
    /// once bounces the storage's reference count between their caches.
    public func map<State, Outcome: Sendable>(
        _ paths: [Int], perWorker: @Sendable () -> State, _ body: @Sendable (inout State, Int) throws -> Outcome
    ) throws -> [Outcome] {
        guard !paths.isEmpty else { return [] }
        let workers = max(1, min(threads, paths.count))
        let chunk = max(1, min(64, paths.count / (workers * 8)))
        let shared = SharedProgress()
        var results = [Outcome?](repeating: nil, count: paths.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var state = perWorker()
                while let range = shared.claim(chunk, of: paths.count) {
                    for i in range {
                        do {
                            slots.buffer[i] = try body(&state, paths[i])
                        } catch {
                            shared.fail(error)
                            return
                        }
                    }
                    if let done = shared.finished(range.count, every: progressEvery) { progress?(done) }
                }
            }
        }
        if let error = shared.error { throw error }
        return results.map { $0! }
    }
}

/// Work claiming and progress across workers.
private final class SharedProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var done = 0
    private var reported = 0
    private(set) var error: Error?

    func claim(_ size: Int, of count: Int) -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard error == nil, next < count else { return nil }
        let range = next..<min(count, next + size)
        next = range.upperBound
        return range
    }

    /// Counts paths done; returns the total when a report is due.
    func finished(_ n: Int, every: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        done += n
        guard done - reported >= every || done == next else { return nil }
        reported = done
        return done
    }

    func fail(_ e: Error) {
        lock.lock()
        if error == nil { error = e }
        lock.unlock()
    }
}

/// The results buffer, written by several threads at distinct indices.
private struct UnsafeSlots<Outcome>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Outcome?>
}
