import ArgumentParser
import Feeds
import HedgeplanDiagnostics
import HedgeplanJournal

/// A failure of a command itself rather than a finding about its input's content: a file
/// it cannot read or write, a feed it cannot use, a plan it cannot load. It is a
/// diagnostic like any other, so it is rendered by the one `DiagnosticRenderer` and honours
/// `--format json`; `exitCode` is 74 for files that cannot be read or written, 1 for bad
/// content.
struct CommandFailure: Error {
    var diagnostics: [Diagnostic]
    var exitCode: Int32
    /// Source texts by path, for quoting the lines diagnostics point at (a policy file).
    var texts: [String: String] = [:]

    init(_ diagnostic: Diagnostic, exitCode: Int32) {
        self.diagnostics = [diagnostic]
        self.exitCode = exitCode
    }

    init(diagnostics: [Diagnostic], exitCode: Int32) {
        self.diagnostics = diagnostics
        self.exitCode = exitCode
    }

    /// A file that cannot be read or written (exit 74), with the reason in plain words.
    static func io(_ path: String, _ message: String) -> CommandFailure {
        CommandFailure(.error(.io, message, at: .wholeFile(path)), exitCode: 74)
    }

    /// Bad content that is not a strategy (a feed, a plan, a journal), exit 1.
    static func input(_ rule: RuleID, _ path: String, _ message: String) -> CommandFailure {
        CommandFailure(.error(rule, message, at: .wholeFile(path)), exitCode: 1)
    }
}

extension CommandFailure {
    /// A feed that cannot be opened or used. `spec` is the `--feed` argument.
    /// `notes` (the feed's own notes) are shown under the message.
    static func feed(_ spec: String, _ error: any Error, notes: [String] = []) -> CommandFailure {
        let notes = notes.map { Diagnostic.Note($0) }
        if let error = error as? FeedError {
            let location = error.line.map { SourceLocation(file: error.path, line: $0, column: 1) } ?? .wholeFile(error.path)
            let message = error.isReadFailure ? "cannot read the feed: \(error.message)" : error.message
            return CommandFailure(
                .error(error.isReadFailure ? .io : .feed, message, at: location, notes: notes), exitCode: error.isReadFailure ? 74 : 1)
        }
        if let error = error as? JournalError { return journal(error) }
        if case .tooShort(let path, _, _, let first) = error as? BootstrapError {
            return CommandFailure(.error(.feed, "\(error)", at: location(of: first, in: path), notes: notes), exitCode: 1)
        }
        return CommandFailure(.error(.feed, "\(error)", at: .wholeFile(spec), notes: notes), exitCode: 1)
    }

    /// A feed that gave no usable tick. When it rejected rows, the first of them is usually
    /// why (a decimal comma, a time in another form), so the message points at it.
    static func noUsableTicks(_ spec: String, issues: FeedIssueLog, notes: [String]) -> CommandFailure {
        let notes = notes.map { Diagnostic.Note($0) }
        guard let first = issues.firstRejectedRow else {
            return CommandFailure(.error(.feed, "the feed has no usable ticks", at: .wholeFile(spec), notes: notes), exitCode: 1)
        }
        let rows = issues.rejectedRows == 1 ? "its only data row was rejected" : "all \(issues.rejectedRows) data rows were rejected; the first"
        return CommandFailure(
            .error(.feed, "the feed has no usable ticks: \(rows): \(first.kind): \(first.message)", at: location(of: first, in: spec),
                   notes: notes),
            exitCode: 1)
    }

    /// Where a feed's row problem is (its field, when known), or the whole file.
    private static func location(of issue: FeedIssue?, in path: String) -> SourceLocation {
        issue.map { SourceLocation(file: path, line: $0.line, column: $0.column ?? 1) } ?? .wholeFile(path)
    }

    /// A journal that cannot be used: exit 74 when it cannot be read or written (SQLite
    /// failed, another process holds it), exit 1 when it holds something else.
    static func journal(_ error: JournalError) -> CommandFailure {
        switch error {
        case .database(let path, _), .inUse(let path):
            return .io(path, error.description)
        default:
            return .input(.journal, error.path, error.description)
        }
    }
}

extension DiagnosticOutputOptions {
    /// Renders a command's failure in the chosen format and gives the exit status to throw.
    func report(_ failure: CommandFailure) -> ExitCode {
        emit(failure.diagnostics, texts: failure.texts)
        return ExitCode(failure.exitCode)
    }

    /// Runs a command's body, rendering a `CommandFailure` it throws.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommandFailure {
            throw report(failure)
        }
    }
}
