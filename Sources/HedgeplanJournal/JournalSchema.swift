import GRDB

/// The journal's tables. One file holds one run:
///
/// - `run`: a single row: the plan's SHA-256 (of `PlanCoding.encode(plan)`), the feed spec
///   and the run's limits as given (`RunIdentity`), when it was created, `running` or `finished`, and when finished the result
///   as the JSON and text that `dry-run` prints.
/// - `progress`: a single row: the last tick whose decisions are all committed, its time
///   and the equity after it. It is written in the same transaction as the events up to
///   that tick, so the journal is always a consistent prefix of the run.
/// - `rebalance` and `fill`: every hedge decision that traded (`RebalanceRecord`) and its
///   child fills, in order.
/// - `breaker_event`: every breaker trip, with the tick it happened on.
///
/// Every row that `--resume` trusts carries the SHA-256 of its fields (`RecordChecksum`):
/// a rebalance's covers its fills, the run's covers its identity and stored result. A row
/// that does not match is refused as damaged.
///
/// Prices, sizes and money are `REAL` (IEEE doubles, exact). SQLite stores NaN as NULL,
/// which reads back as NaN. The file is marked with `PRAGMA application_id` so that
/// hedgeplan never writes into a database it did not create.
public enum JournalSchema {
    /// `PRAGMA application_id`: "HPJ1".
    public static let applicationID: Int32 = 0x4850_4A31
    /// `PRAGMA user_version`: the schema version this build writes and reads.
    /// Version 2 added the `sha256` columns, version 3 the run's `limits`; older journals
    /// are refused.
    public static let version = 3

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE run (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                plan_sha256 TEXT NOT NULL,
                feed TEXT NOT NULL,
                limits TEXT NOT NULL,
                created_at TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('running', 'finished')),
                finished_at TEXT,
                result_json TEXT,
                result_text TEXT,
                result_sha256 BLOB
            );
            CREATE TABLE progress (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                tick_index INTEGER NOT NULL,
                time INTEGER NOT NULL,
                equity REAL,
                sha256 BLOB NOT NULL
            );
            CREATE TABLE rebalance (
                id INTEGER PRIMARY KEY,
                tick_index INTEGER NOT NULL,
                time INTEGER NOT NULL,
                reason TEXT NOT NULL,
                spot REAL,
                net_delta_before REAL,
                net_delta_after REAL,
                requested REAL,
                sha256 BLOB NOT NULL
            );
            CREATE TABLE fill (
                rebalance_id INTEGER NOT NULL REFERENCES rebalance(id),
                position INTEGER NOT NULL,
                venue TEXT NOT NULL,
                base REAL,
                average_price REAL,
                fee REAL,
                slippage REAL,
                gas REAL,
                PRIMARY KEY (rebalance_id, position)
            ) WITHOUT ROWID;
            CREATE TABLE breaker_event (
                id INTEGER PRIMARY KEY,
                tick_index INTEGER NOT NULL,
                time INTEGER NOT NULL,
                condition TEXT NOT NULL,
                action TEXT NOT NULL,
                measured REAL,
                sha256 BLOB NOT NULL
            );
            PRAGMA application_id = \(applicationID);
            PRAGMA user_version = \(version);
            """)
    }
}
