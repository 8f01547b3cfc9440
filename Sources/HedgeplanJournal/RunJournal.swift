import Foundation
import GRDB
import HedgeplanRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One journal file, open for writing by this process.
///
/// - WAL mode with `synchronous = NORMAL`: a commit is one append to the write-ahead log
///   with no fsync, and survives the process being killed (the data is in the OS's page
///   cache). A power cut may lose the last few commits but never corrupts the file, and a
///   journal that is a little shorter only means a longer replay on resume: the result is
///   the same. `FULL` would fsync every batch and buy nothing for that.
/// - An exclusive `flock` on the file for as long as it is open, so two processes never
///   append to one journal (SQLite's own locks are per transaction, not per run). The
///   kernel drops it when the process dies, so a killed run never leaves it stale.
/// - Only files that are empty, new, or marked with `JournalSchema.applicationID` are ever
///   written; anything else is refused untouched.
public final class RunJournal {
    public let path: String
    private var queue: DatabaseQueue?
    private var lockDescriptor: Int32 = -1

    public init(path: String) throws {
        self.path = path
        lockDescriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockDescriptor >= 0 else {
            throw JournalError.database(path: path, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        guard flock(lockDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let message = String(cString: strerror(errno))
            close()
            throw busy ? JournalError.inUse(path: path) : JournalError.database(path: path, message: "cannot lock: \(message)")
        }
        do {
            var configuration = Configuration()
            configuration.journalMode = .wal
            configuration.busyMode = .timeout(10)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            self.queue = queue
            try queue.write { db in try Self.adopt(db, path: path) }
        } catch {
            close()
            throw Self.map(error, path: path)
        }
    }

    deinit { close() }

    /// Closes the database, then releases the lock. The lock's descriptor is closed only
    /// after SQLite has closed its own: closing any descriptor of a file drops the
    /// process's POSIX locks on it, SQLite's included.
    public func close() {
        if let queue {
            try? queue.close()
            self.queue = nil
        }
        if lockDescriptor >= 0 {
            Self.closeDescriptor(lockDescriptor)
            lockDescriptor = -1
        }
    }

    private static func closeDescriptor(_ descriptor: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }

    /// Creates the schema in a new (empty) database, or checks that an existing one is a
    /// journal this build reads.
    static func adopt(_ db: Database, path: String) throws {
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        if application == 0, objects == 0 {
            try JournalSchema.create(db)
            return
        }
        guard application == JournalSchema.applicationID else {
            throw JournalError.notAJournal(path: path, why: "a SQLite database of another application")
        }
        guard version <= JournalSchema.version else { throw JournalError.newerFormat(path: path, version: version) }
        guard version == JournalSchema.version else { throw JournalError.olderFormat(path: path, version: version) }
    }

    static func map(_ error: any Error, path: String) -> JournalError {
        if let error = error as? JournalError { return error }
        // SQLite keeps any type in any column: a value of another type than hedgeplan wrote
        // there means the file was changed after it was written (found by FuzzJournal).
        if error is RowDecodingError {
            return .database(path: path, message: "a stored value has the wrong type (the file was changed after hedgeplan wrote it); remove it and run again")
        }
        if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_NOTADB { return .notAJournal(path: path, why: "not a SQLite database") }
            return .database(path: path, message: error.message ?? "\(error.resultCode)")
        }
        return .database(path: path, message: "\(error)")
    }

    private func database() throws -> DatabaseQueue {
        guard let queue else { throw JournalError.database(path: path, message: "closed") }
        return queue
    }

    private func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database().read(body) } catch { throw Self.map(error, path: path) }
    }

    private func writing<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database().write(body) } catch { throw Self.map(error, path: path) }
    }

    // MARK: Reading

    /// The run row. A finished run's stored result is checked against its checksum:
    /// `--resume` prints it without a replay, so a damaged one is refused here.
    public func header() throws -> JournalHeader? {
        try reading { db in try Self.header(db, path: path) }
    }

    public func progress() throws -> JournalProgress? {
        try reading { db in try Self.progress(db, path: path) }
    }

    static func header(_ db: Database, path: String) throws -> JournalHeader? {
        guard let row = try Row.fetchOne(db, sql: "SELECT plan_sha256, feed, created_at, status, finished_at, result_json, result_text, result_sha256, limits FROM run WHERE id = 1")
        else { return nil }
        let finished = (try row.decode(atIndex: 3) as String) == "finished"
        let json: String? = try row.decode(atIndex: 5)
        let text: String? = try row.decode(atIndex: 6)
        let identity = RunIdentity(planSHA256: try row.decode(atIndex: 0), feed: try row.decode(atIndex: 1), limits: try row.decode(atIndex: 8))
        var result: StoredResult?
        if finished {
            guard let json, let text else { throw JournalError.damaged(path: path, what: "the finished run's stored result (missing)") }
            let stored = StoredResult(json: json, text: text)
            guard (try row.decode(atIndex: 7) as Data?) == RecordChecksum.of(identity, stored) else {
                throw JournalError.damaged(path: path, what: "the finished run's stored result")
            }
            result = stored
        }
        return JournalHeader(identity: identity, createdAt: try row.decode(atIndex: 2), finished: finished, finishedAt: try row.decode(atIndex: 4), result: result)
    }

    static func progress(_ db: Database, path: String) throws -> JournalProgress? {
        guard let row = try Row.fetchOne(db, sql: "SELECT tick_index, time, equity, sha256 FROM progress WHERE id = 1") else { return nil }
        let progress = JournalProgress(tickIndex: try row.decode(atIndex: 0), time: try row.decode(atIndex: 1), equity: (try row.decode(atIndex: 2) as Double?) ?? .nan)
        guard (try row.decode(atIndex: 3) as Data?) == RecordChecksum.of(progress) else { throw JournalError.damaged(path: path, what: "the checkpoint") }
        return progress
    }

    /// Reads a journal without taking its lock or writing anything: for tools and tests
    /// that watch a run another process is writing. Nil values when the file has no run yet.
    public static func inspect(path: String) throws -> (header: JournalHeader?, progress: JournalProgress?, rebalances: Int) {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                guard try db.tableExists("run") else { return (nil, nil, 0) }
                return (try header(db, path: path), try progress(db, path: path), try Int.fetchOne(db, sql: "SELECT count(*) FROM rebalance") ?? 0)
            }
        } catch {
            throw map(error, path: path)
        }
    }

    /// Journaled rebalances after row `id`, oldest first, at most `limit`, each checked
    /// against its checksum (`JournalError.damaged` names the first that does not match).
    public func rebalances(after id: Int64 = 0, limit: Int = .max) throws -> [(id: Int64, record: RebalanceRecord)] {
        try reading { db in
            let rows = try Row.fetchAll(
                db, sql: """
                    SELECT id, tick_index, time, reason, spot, net_delta_before, net_delta_after, requested, sha256
                    FROM rebalance WHERE id > ? ORDER BY id LIMIT ?
                    """, arguments: [id, limit])
            guard let first = rows.first, let last = rows.last else { return [] }
            var fills: [Int64: [RebalanceRecord.FillRecord]] = [:]
            let fillRows = try Row.fetchCursor(
                db, sql: """
                    SELECT rebalance_id, venue, base, average_price, fee, slippage, gas
                    FROM fill WHERE rebalance_id BETWEEN ? AND ? ORDER BY rebalance_id, position
                    """, arguments: [try first.decode(atIndex: 0) as Int64, try last.decode(atIndex: 0) as Int64])
            while let row = try fillRows.next() {
                fills[try row.decode(atIndex: 0), default: []].append(RebalanceRecord.FillRecord(
                    venue: try row.decode(atIndex: 1), base: Self.real(try row.decode(atIndex: 2)), averagePrice: Self.real(try row.decode(atIndex: 3)), fee: Self.real(try row.decode(atIndex: 4)),
                    slippage: Self.real(try row.decode(atIndex: 5)), gas: Self.real(try row.decode(atIndex: 6))))
            }
            return try rows.map { row in
                let id: Int64 = try row.decode(atIndex: 0)
                let record = RebalanceRecord(
                    tickIndex: try row.decode(atIndex: 1), time: try row.decode(atIndex: 2), reason: try row.decode(atIndex: 3), spot: Self.real(try row.decode(atIndex: 4)), netDeltaBefore: Self.real(try row.decode(atIndex: 5)),
                    netDeltaAfter: Self.real(try row.decode(atIndex: 6)), requested: Self.real(try row.decode(atIndex: 7)), fills: fills[id] ?? [])
                guard (try row.decode(atIndex: 8) as Data?) == RecordChecksum.of(record) else {
                    throw JournalError.damaged(path: path, what: "rebalance \(id) (tick \(record.tickIndex))")
                }
                return (id, record)
            }
        }
    }

    /// Journaled breaker events after row `id`, oldest first, at most `limit`.
    public func breakerEvents(after id: Int64 = 0, limit: Int = .max) throws -> [(id: Int64, event: JournaledBreakerEvent)] {
        try reading { db in
            try Row.fetchAll(
                db, sql: "SELECT id, tick_index, time, condition, action, measured, sha256 FROM breaker_event WHERE id > ? ORDER BY id LIMIT ?",
                arguments: [id, limit]
            ).map { row in
                let id: Int64 = try row.decode(atIndex: 0)
                let event = JournaledBreakerEvent(
                    BreakerEvent(time: try row.decode(atIndex: 2), condition: try row.decode(atIndex: 3), action: try row.decode(atIndex: 4), measured: Self.real(try row.decode(atIndex: 5))), tickIndex: try row.decode(atIndex: 1))
                guard (try row.decode(atIndex: 6) as Data?) == RecordChecksum.of(event) else {
                    throw JournalError.damaged(path: path, what: "breaker event \(id) (tick \(event.tickIndex))")
                }
                return (id, event)
            }
        }
    }

    /// A REAL column: NULL is how SQLite stores NaN.
    static func real(_ value: DatabaseValue) -> Double {
        Double.fromDatabaseValue(value) ?? .nan
    }

    // MARK: Writing

    /// Records the run's identity in a new journal (status `running`).
    func start(_ identity: RunIdentity) throws {
        try writing { db in
            try db.execute(
                sql: "INSERT INTO run (id, plan_sha256, feed, limits, created_at, status) VALUES (1, ?, ?, ?, ?, 'running')",
                arguments: [identity.planSHA256, identity.feed, identity.limits, Self.now()])
        }
    }

    /// One transaction: the events since the last commit, the new checkpoint and, for the
    /// last one, the finished result.
    func commit(
        rebalances: [RebalanceRecord], breakers: [(tick: Int, event: BreakerEvent)], progress: JournalProgress?,
        result: StoredResult? = nil
    ) throws {
        try writing { db in
            if !rebalances.isEmpty {
                let insertRebalance = try db.cachedStatement(sql: """
                    INSERT INTO rebalance (tick_index, time, reason, spot, net_delta_before, net_delta_after, requested, sha256)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let insertFill = try db.cachedStatement(sql: """
                    INSERT INTO fill (rebalance_id, position, venue, base, average_price, fee, slippage, gas)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for r in rebalances {
                    try insertRebalance.execute(arguments: [
                        r.tickIndex, r.time, r.reason, r.spot, r.netDeltaBefore, r.netDeltaAfter, r.requested, RecordChecksum.of(r),
                    ])
                    let id = db.lastInsertedRowID
                    for (position, f) in r.fills.enumerated() {
                        try insertFill.execute(arguments: [id, position, f.venue, f.base, f.averagePrice, f.fee, f.slippage, f.gas])
                    }
                }
            }
            if !breakers.isEmpty {
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO breaker_event (tick_index, time, condition, action, measured, sha256) VALUES (?, ?, ?, ?, ?, ?)
                    """)
                for (tick, e) in breakers {
                    let checksum = RecordChecksum.of(JournaledBreakerEvent(e, tickIndex: tick))
                    try insert.execute(arguments: [tick, e.time, e.condition, e.action, e.measured, checksum])
                }
            }
            if let progress {
                try db.execute(
                    sql: """
                        INSERT INTO progress (id, tick_index, time, equity, sha256) VALUES (1, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET tick_index = excluded.tick_index, time = excluded.time,
                            equity = excluded.equity, sha256 = excluded.sha256
                        """, arguments: [progress.tickIndex, progress.time, progress.equity, RecordChecksum.of(progress)])
            }
            if let result {
                guard let header = try Self.header(db, path: path) else {
                    throw JournalError.database(path: path, message: "the journal has no run to finish")
                }
                try db.execute(
                    sql: "UPDATE run SET status = 'finished', finished_at = ?, result_json = ?, result_text = ?, result_sha256 = ? WHERE id = 1",
                    arguments: [Self.now(), result.json, result.text, RecordChecksum.of(header.identity, result)])
            }
        }
    }

    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
