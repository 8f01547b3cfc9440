/// Why a journal cannot be opened, started, resumed or written. Every case reads as a
/// sentence a user can act on; the CLI prints it after `FILE: error:` and exits 1.
public enum JournalError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file exists but is not a SQLite database written by hedgeplan.
    case notAJournal(path: String, why: String)
    /// The journal was written by a newer hedgeplan (schema version).
    case newerFormat(path: String, version: Int)
    /// Another process has the journal open.
    case inUse(path: String)
    /// Without `--resume`, an existing journal is never overwritten.
    case exists(path: String, state: ExistingState)
    /// `--resume` on a journal of another plan or feed.
    case identityMismatch(path: String, field: String, journaled: String, given: String)
    /// The replay produced something other than what the journal holds (the plan, the
    /// feed's contents or the program changed since the journal was written).
    case diverged(path: String, tick: Int, detail: String)
    /// The feed ended before reaching the journal's last committed tick.
    case feedEndedEarly(path: String, ticks: Int, committed: Int)
    /// SQLite refused a read or a write (disk full, permissions, I/O error).
    case database(path: String, message: String)
    /// A record or the stored result does not match its checksum: the file was changed
    /// or damaged after hedgeplan wrote it.
    case damaged(path: String, what: String)
    /// The journal was written by an older hedgeplan whose records have no checksums.
    case olderFormat(path: String, version: Int)

    /// What an existing journal holds, for the `exists` message.
    public enum ExistingState: Equatable, Sendable {
        case otherRun, unfinished, finished
    }

    /// The journal file the error is about.
    public var path: String {
        switch self {
        case .notAJournal(let path, _), .newerFormat(let path, _), .inUse(let path), .exists(let path, _),
             .identityMismatch(let path, _, _, _), .diverged(let path, _, _), .feedEndedEarly(let path, _, _),
             .database(let path, _), .damaged(let path, _), .olderFormat(let path, _):
            return path
        }
    }

    public var description: String {
        switch self {
        case .notAJournal(let path, let why):
            return "\(path) is not a hedgeplan journal (\(why)); it was left untouched: choose another --journal file"
        case .newerFormat(let path, let version):
            return "\(path) was written by a newer hedgeplan (journal format \(version), this one reads up to \(JournalSchema.version)); upgrade hedgeplan"
        case .inUse(let path):
            return "journal \(path) is in use by another hedgeplan process"
        case .exists(let path, .otherRun):
            return "journal \(path) already holds a run of another plan or feed: use --resume only with the same plan and feed, or remove it"
        case .exists(let path, .unfinished):
            return "journal \(path) holds an unfinished run of this plan and feed: use --resume to continue it, or remove it"
        case .exists(let path, .finished):
            return "journal \(path) holds the finished run of this plan and feed: use --resume to print its result, or remove it"
        case .identityMismatch(let path, let field, let journaled, let given):
            return "journal \(path) is for another run: its \(field) is \(journaled), this run's is \(given); use the same plan, --feed and limits, or another journal"
        case .diverged(let path, let tick, let detail):
            return "the replay diverges from journal \(path) at tick \(tick): \(detail); the plan, the feed's data or hedgeplan changed since it was written: remove the journal and run again"
        case .feedEndedEarly(let path, let ticks, let committed):
            return "the feed ended after \(ticks) ticks, but journal \(path) has \(committed + 1) committed: the feed's data changed since it was written"
        case .database(let path, let message):
            return "journal \(path): \(message)"
        case .damaged(let path, let what):
            return "journal \(path) is damaged: \(what) does not match its SHA-256 checksum (the file was changed after hedgeplan wrote it); remove it and run again"
        case .olderFormat(let path, let version):
            return "journal \(path) was written by an older hedgeplan (journal format \(version), without checksums; this one reads format \(JournalSchema.version)); remove it and run again"
        }
    }
}
