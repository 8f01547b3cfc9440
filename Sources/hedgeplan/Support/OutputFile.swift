import Feeds
import Foundation
import HedgeplanDiagnostics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file a command will write (`-o`, `--report`, `--plot`, `--journal`), checked before
/// the command does any work, so that a run of an hour never ends in "cannot write".
///
/// Only two things may be written: an existing regular file (a symbolic link to one is
/// followed), or a new file in an existing folder this process may write. Anything else
/// (a directory, a device such as `/dev/null`, a FIFO, a socket, a path through a file) is
/// refused with exit 74 and the reason in plain words. Writing replaces the file
/// atomically: the bytes go to a temporary file in the same folder, which is renamed over
/// the target only if the target is still a regular file (or still absent), so a device
/// is never replaced and a failed write leaves neither a partial file nor a stray one.
struct OutputFile {
    /// The path as the user gave it, for messages.
    let path: String
    /// Where the bytes go: `path` with a symbolic link resolved.
    let target: String
    /// What the file is, for messages ("the plan", "the report").
    let purpose: String

    /// What `-o -` means where `-o` replaces standard output (`compile`, `propose`, `price`):
    /// standard output (`replacingStandardOutput`).
    static let standardOutput = "-"

    /// The file for an option that replaces standard output: nil when none was given or it
    /// is `-`, else the checked file.
    static func replacingStandardOutput(_ path: String?, purpose: String) throws(CommandFailure) -> OutputFile? {
        guard let path, path != standardOutput else { return nil }
        return try OutputFile(checking: path, purpose: purpose)
    }

    /// Checks that `path` can be written; throws a `CommandFailure` (exit 74) saying why not,
    /// or exit 64 for `-`: this option names a file (standard output carries the command's
    /// own output), and writing a file called `-` is not what anyone typing it meant.
    init(checking path: String, purpose: String) throws(CommandFailure) {
        self.path = path
        self.purpose = purpose
        guard !path.isEmpty else { throw .io(path, "cannot write \(purpose): the path is empty") }
        guard path != Self.standardOutput else {
            throw CommandFailure(
                .error(.usage, "cannot write \(purpose) to `-`: this option takes a file, and standard output carries the command's own output; give ./- for a file named -",
                    at: .wholeFile("command line")),
                exitCode: 64)
        }
        var info = stat()
        if stat(path, &info) == 0 {
            if let kind = FileKind.nonRegular(info.st_mode) {
                throw .io(path, "cannot write \(purpose): \(kind), not a regular file; give the path of a file")
            }
            target = realpath(path, nil).map { resolved in
                defer { free(resolved) }
                return String(cString: resolved)
            } ?? path
            guard access(path, W_OK) == 0 else {
                throw .io(path, "cannot write \(purpose): \(Self.reason(errno)) (the file exists but may not be written)")
            }
            try Self.checkFolder(of: target, path: path, purpose: purpose)
            return
        }
        let missing = errno
        guard missing == ENOENT || missing == ENOTDIR else {
            throw .io(path, "cannot write \(purpose): \(Self.reason(missing))")
        }
        target = path
        try Self.checkFolder(of: path, path: path, purpose: purpose)
    }

    /// Writes `bytes` to a temporary file beside the target, then renames it over the
    /// target. Throws a `CommandFailure` (exit 74); nothing is left behind on failure.
    func write(_ bytes: [UInt8]) throws(CommandFailure) {
        let folder = PathText.folder(of: target)
        let name = PathText.name(of: target)
        var template = Array("\(folder)/.\(name).hedgeplan-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw .io(path, "cannot write \(purpose): cannot create a temporary file in \(folder): \(Self.reason(errno))")
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var closed = false
        defer {
            if !closed { _ = close(descriptor) }
        }
        func fail(_ message: String) -> CommandFailure {
            unlink(temporary)
            return .io(path, "cannot write \(purpose): \(message)")
        }
        // mkstemp creates 0600; a new output gets the usual 0666 less the umask, a
        // replaced one keeps its mode.
        var existing = stat()
        let mode: mode_t
        if stat(target, &existing) == 0 {
            mode = existing.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        fchmod(descriptor, mode)
        switch Terminal.writeAll(bytes, to: descriptor) {
        case .written: break
        case .brokenPipe: throw fail(Self.reason(EPIPE))
        case .failed(let code): throw fail(code == 0 ? "the disk took no bytes" : Self.reason(code))
        }
        closed = true
        guard close(descriptor) == 0 else { throw fail(Self.reason(errno)) }
        // Checked again just before the rename: a device put there since must survive.
        if stat(target, &existing) == 0, let kind = FileKind.nonRegular(existing.st_mode) {
            throw fail("\(kind), not a regular file; it was left untouched")
        }
        guard rename(temporary, target) == 0 else { throw fail(Self.reason(errno)) }
    }

    func write(_ text: String) throws(CommandFailure) {
        try write(Array(text.utf8))
    }

    // MARK: Checks

    /// The folder that will hold the file must exist, be a folder and be writable (a new
    /// file is created in it, and a replaced one is renamed in it).
    private static func checkFolder(of file: String, path: String, purpose: String) throws(CommandFailure) {
        let folder = PathText.folder(of: file)
        var info = stat()
        guard stat(folder, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR, let blocking = firstNonFolder(on: folder) {
                throw .io(path, "cannot write \(purpose): \(blocking) is a file, not a folder")
            }
            throw .io(path, "cannot write \(purpose): the folder \(folder) does not exist")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .io(path, "cannot write \(purpose): \(folder) is a file, not a folder")
        }
        guard access(folder, W_OK | X_OK) == 0 else {
            throw .io(path, "cannot write \(purpose): cannot create files in the folder \(folder): \(reason(errno))")
        }
    }

    /// The first ancestor of `folder` that exists but is not a folder, if any.
    private static func firstNonFolder(on folder: String) -> String? {
        var prefix = folder.hasPrefix("/") ? "/" : ""
        for component in folder.split(separator: "/") {
            prefix = prefix.isEmpty || prefix.hasSuffix("/") ? prefix + component : prefix + "/" + component
            var info = stat()
            guard stat(prefix, &info) == 0 else { return nil }
            if info.st_mode & S_IFMT != S_IFDIR { return prefix }
        }
        return nil
    }

    /// `strerror` in lower case, as the rest of a message reads.
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
