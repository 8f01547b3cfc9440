import Feeds
import Foundation

/// A file a command reads whole (a proposal, a key, a partial result...), the counterpart
/// of `OutputFile`: only a regular file is read, and a file that cannot be is refused with
/// exit 74 and the reason in plain words ("no such file", "it is a directory", ...).
enum InputFile {
    /// The bytes of `path`; `what` names the file in the message ("the proposal").
    static func bytes(_ path: String, what: String) throws(CommandFailure) -> Data {
        if let problem = FileKind.problem(at: path) { throw .io(path, "cannot read \(what): \(problem)") }
        guard let data = FileManager.default.contents(atPath: path) else { throw .io(path, "cannot read \(what): permission denied") }
        return data
    }
}
