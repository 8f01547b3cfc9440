/// What opening a journal for a run gives: a stored result to print, or a recorder to
/// attach to the interpreter.
public enum JournalStart {
    /// The journal holds the finished run: print this, run nothing.
    case finished(StoredResult)
    /// Run (or replay and continue) with this observer attached.
    case run(JournalRecorder)

    /// Opens the journal at `path` for the run `identity` names.
    ///
    /// - A new or empty file starts a fresh journal (also with `resume`, so one command
    ///   can be retried until it finishes).
    /// - Without `resume`, an existing journal is an error, whatever run it holds: it is
    ///   never overwritten.
    /// - With `resume`, the journal's plan hash, feed and limits must equal `identity`'s. A finished
    ///   journal gives its stored result; an unfinished one a recorder that replays, verifies
    ///   up to the last checkpoint and then appends.
    public static func open(path: String, identity: RunIdentity, resume: Bool, batchTicks: Int = 50_000) throws -> JournalStart {
        let journal = try RunJournal(path: path)
        guard let header = try journal.header() else {
            try journal.start(identity)
            return .run(JournalRecorder(journal: journal, batchTicks: batchTicks, resumingFrom: nil))
        }
        guard resume else {
            let state: JournalError.ExistingState = header.identity != identity ? .otherRun : header.finished ? .finished : .unfinished
            throw JournalError.exists(path: path, state: state)
        }
        if header.identity.planSHA256 != identity.planSHA256 {
            throw JournalError.identityMismatch(
                path: path, field: "plan (SHA-256)", journaled: String(header.identity.planSHA256.prefix(16)),
                given: String(identity.planSHA256.prefix(16)))
        }
        if header.identity.feed != identity.feed {
            throw JournalError.identityMismatch(path: path, field: "feed", journaled: header.identity.feed, given: identity.feed)
        }
        if header.identity.limits != identity.limits {
            let shown = { (limits: String) in limits.isEmpty ? "none (to the feed's end)" : limits }
            throw JournalError.identityMismatch(
                path: path, field: "limits (--max-ticks, --duration)", journaled: shown(header.identity.limits), given: shown(identity.limits))
        }
        if header.finished, let result = header.result { return .finished(result) }
        return .run(JournalRecorder(journal: journal, batchTicks: batchTicks, resumingFrom: try journal.progress()))
    }
}
