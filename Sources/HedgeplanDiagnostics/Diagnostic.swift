/// How serious a finding is. The order matters: an `error` makes the input fail.
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    case note
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A finding about the input: a plain value produced by every stage (front end, checker,
/// lint) and rendered in one place (`DiagnosticRenderer`), as text, JSON or SARIF.
public struct Diagnostic: Hashable, Sendable {
    /// A secondary message that may point elsewhere ("first defined here").
    public struct Note: Hashable, Sendable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var location: SourceLocation
    public var severity: Severity
    public var rule: RuleID
    public var message: String
    public var notes: [Note]

    public init(
        _ severity: Severity, _ rule: RuleID, _ message: String,
        at location: SourceLocation, notes: [Note] = []
    ) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(
        _ rule: RuleID, _ message: String, at location: SourceLocation, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.error, rule, message, at: location, notes: notes)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Diagnostics in reading order: by file, line, column; ties keep their order.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            a.element.location == b.element.location ? a.offset < b.offset : a.element.location < b.element.location
        }.map(\.element)
    }
}

/// A diagnostic can stand as the failure of a `Result` (a file that could not be read).
extension Diagnostic: Error {}
