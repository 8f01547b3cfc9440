import Foundation
import HedgeplanJournal

/// The properties every journal file must have (`FuzzJournal`), however damaged: opening it
/// to resume either refuses with a message that names the file, or gives a stored result
/// whose checksum held, or a recorder that replays it; reading its summary (`inspect`)
/// refuses or answers. Never a crash.
public enum JournalProperties {
    /// `path` is where the damaged bytes are written (a scratch file the caller owns);
    /// `identity` the run the journal claims to hold.
    public static func problems(bytes: Data, path: String, identity: RunIdentity) -> [String] {
        do { try bytes.write(to: URL(fileURLWithPath: path)) } catch { return [] }
        // SQLite keeps a write-ahead log and shared memory beside the file: start clean.
        for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        var problems: [String] = []
        do {
            _ = try RunJournal.inspect(path: path)
        } catch {
            if !"\(error)".contains(path) { problems.append("inspect refused without naming the file: \(error)") }
        }
        do {
            _ = try JournalStart.open(path: path, identity: identity, resume: true)
        } catch {
            if !"\(error)".contains(path) { problems.append("resume refused without naming the file: \(error)") }
        }
        return problems
    }
}
