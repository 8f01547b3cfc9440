import Foundation

/// Standard output carries only what was asked for (JSON, SARIF, a plan); diagnostics and
/// progress go to standard error. Colour only on a terminal, and never with `NO_COLOR`.
struct Terminal {
    let handle: FileHandle
    let descriptor: Int32

    static let standardOutput = Terminal(handle: .standardOutput, descriptor: STDOUT_FILENO)
    static let standardError = Terminal(handle: .standardError, descriptor: STDERR_FILENO)

    var isTerminal: Bool { isatty(descriptor) == 1 }

    var supportsColor: Bool {
        isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}
