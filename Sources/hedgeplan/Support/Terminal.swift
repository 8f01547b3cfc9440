import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output carries only what was asked for (JSON, SARIF, a plan); diagnostics and
/// progress go to standard error. Colour only on a terminal, and never with `NO_COLOR`.
///
/// Writes go straight to the descriptor with POSIX `write(2)`, not through `FileHandle`,
/// whose `write(_: Data)` traps on any error (a full disk, a closed stream). What a failed
/// write means:
/// - a broken pipe (`EPIPE`: `hedgeplan … | head` after `head` exits) ends the output
///   quietly: later writes are dropped and the command finishes with its usual status
///   (`SIGPIPE` is ignored, see `HedgeplanCommand.main`);
/// - any other error (`ENOSPC`, `EIO`, `EBADF`) ends the process with exit 74 and one line
///   on standard error saying which stream and why. Nothing is ever lost silently.
struct Terminal {
    let descriptor: Int32
    let name: String

    static let standardOutput = Terminal(descriptor: STDOUT_FILENO, name: "standard output")
    static let standardError = Terminal(descriptor: STDERR_FILENO, name: "standard error")

    var isTerminal: Bool { isatty(descriptor) == 1 }

    var supportsColor: Bool {
        isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    func write(_ text: String) {
        // A native string's UTF-8 is written where it lies: a long JSON result is not copied.
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    private func write(_ raw: UnsafeRawBufferPointer) {
        guard !BrokenPipe.seen else { return }
        switch Self.writeAll(raw, to: descriptor) {
        case .written:
            return
        case .brokenPipe:
            BrokenPipe.seen = true
        case .failed(let code):
            Self.failWrite(name, code: code)
        }
    }

    /// What one attempt to write a whole buffer gave.
    enum WriteOutcome: Equatable {
        case written
        case brokenPipe
        /// `errno` of the failed write (0: the descriptor took no bytes and gave no reason).
        case failed(Int32)
    }

    /// Writes every byte, retrying short writes and `EINTR`.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> WriteOutcome {
        bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    /// Writes every byte of `raw`, retrying short writes and `EINTR`.
    static func writeAll(_ raw: UnsafeRawBufferPointer, to descriptor: Int32) -> WriteOutcome {
        var offset = 0
        while offset < raw.count {
            #if canImport(Glibc)
            let n = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            #else
            let n = Darwin.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            #endif
            if n > 0 {
                offset += n
                continue
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno == EPIPE { return .brokenPipe }
            return .failed(n < 0 ? errno : 0)
        }
        return .written
    }

    /// Exit 74 after a failed write to a standard stream, with one line on standard error
    /// (unless standard error is the stream that failed).
    static func failWrite(_ stream: String, code: Int32) -> Never {
        if stream != standardError.name {
            let text = code == 0 ? "nothing was written" : String(cString: strerror(code))
            let reason = text.prefix(1).lowercased() + text.dropFirst()
            _ = writeAll(Array("hedgeplan: error: cannot write to \(stream): \(reason) [io]\n".utf8), to: STDERR_FILENO)
        }
        exit(74)
    }
}

/// Set once a standard stream's reader has gone away: the rest of the output is dropped.
enum BrokenPipe {
    nonisolated(unsafe) static var seen = false
}
