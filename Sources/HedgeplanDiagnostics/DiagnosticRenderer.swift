import Foundation

/// Renders diagnostics, in the one place where their text, JSON and SARIF forms are made.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, sarif
}

public struct DiagnosticRenderer: Sendable {
    /// Source text by file path, for the quoted source line and caret in text output.
    public var sources: [String: String]
    /// ANSI colour in text output (decided by the caller from the terminal and `NO_COLOR`).
    public var color: Bool
    /// Tool version, recorded in SARIF.
    public var toolVersion: String
    /// Descriptions of rules beyond the front end's (lint's, the checker's), for SARIF's rule table.
    public var ruleDescriptions: [RuleID: String]

    public init(
        sources: [String: String] = [:], color: Bool = false, toolVersion: String = "0.1.0",
        ruleDescriptions: [RuleID: String] = [:]
    ) {
        self.sources = sources
        self.color = color
        self.toolVersion = toolVersion
        self.ruleDescriptions = ruleDescriptions
    }

    public func render(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
        switch format {
        case .text: return text(diagnostics)
        case .json: return json(diagnostics)
        case .sarif: return sarif(diagnostics)
        }
    }

    // MARK: Text

    /// Text output prints at most this many diagnostics, then says how many more there
    /// are (every one is counted in the summary, and JSON and SARIF list them all).
    public static let textLimit = 50

    /// `PATH:LINE:COLUMN: severity: message [rule]`, the source line with a caret, then
    /// notes; at most `textLimit` diagnostics, then "... and N more". Linear in the number
    /// of diagnostics: each file's lines are indexed once. Text from the input is escaped
    /// (`TerminalEscaping`) so that it cannot drive the terminal.
    public func text(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        var indexes: [String: SourceLineIndex] = [:]
        func snippet(at location: SourceLocation) -> String {
            guard !location.isWholeFile else { return "" }
            if indexes[location.file] == nil, let text = sources[location.file] {
                indexes[location.file] = SourceLineIndex(text)
            }
            guard let line = indexes[location.file]?.line(location.line) else { return "" }
            return Self.quote(line, column: location.column)
        }
        for diagnostic in diagnostics.prefix(Self.textLimit) {
            out += headline(diagnostic.location, diagnostic.severity.rawValue, diagnostic.message)
            out += " [\(diagnostic.rule.rawValue)]\n"
            out += snippet(at: diagnostic.location)
            for note in diagnostic.notes {
                out += headline(note.location ?? diagnostic.location, "note", note.message) + "\n"
                if let location = note.location, location != diagnostic.location {
                    out += snippet(at: location)
                }
            }
        }
        if diagnostics.count > Self.textLimit {
            out += "... and \(Self.grouped(diagnostics.count - Self.textLimit)) more (--format json lists every one)\n"
        }
        return out
    }

    /// 9950 -> "9,950".
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(d)
        }
        return out
    }

    private func headline(_ location: SourceLocation, _ severity: String, _ message: String) -> String {
        let place = TerminalEscaping.escaped(location.description)
        let message = TerminalEscaping.escaped(message)
        guard color else { return "\(place): \(severity): \(message)" }
        let tint: String
        switch severity {
        case "error": tint = "\u{1B}[1;31m"
        case "warning": tint = "\u{1B}[1;35m"
        default: tint = "\u{1B}[1;36m"
        }
        return "\u{1B}[1m\(place):\u{1B}[0m \(tint)\(severity):\u{1B}[0m \u{1B}[1m\(message)\u{1B}[0m"
    }

    /// The source line (its first 200 characters, escaped) and a caret under `column`.
    static func quote(_ line: Substring, column: Int) -> String {
        let scalars = Array(line.unicodeScalars.prefix(200))
        let caretColumn = max(0, min(column - 1, scalars.count))
        var shown = ""
        var pad = ""
        for (i, scalar) in scalars.enumerated() {
            let visible = TerminalEscaping.escaped(String(scalar), keepTabs: true)
            shown += visible
            if i < caretColumn {
                pad += scalar == "\t" ? "\t" : String(repeating: " ", count: visible.unicodeScalars.count)
            }
        }
        return "  \(shown)\n  \(pad)^\n"
    }

    // MARK: JSON

    struct JSONDiagnostic: Encodable {
        struct JSONNote: Encodable {
            var message: String
            var file: String?
            var line: Int?
            var column: Int?
        }
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var rule: String
        var message: String
        var notes: [JSONNote]
    }

    /// An array of `{file, line, column, severity, rule, message, notes}`, as the design page fixes.
    public func json(_ diagnostics: [Diagnostic]) -> String {
        let rows = diagnostics.map { d in
            JSONDiagnostic(
                file: d.location.file, line: d.location.line, column: d.location.column,
                severity: d.severity.rawValue, rule: d.rule.rawValue, message: d.message,
                notes: d.notes.map {
                    .init(message: $0.message, file: $0.location?.file, line: $0.location?.line, column: $0.location?.column)
                })
        }
        return Self.encode(rows)
    }

    // MARK: SARIF 2.1.0

    /// A SARIF 2.1.0 log, so code-scanning tools can show the findings inline.
    public func sarif(_ diagnostics: [Diagnostic]) -> String {
        let ruleIDs = Set(diagnostics.map(\.rule)).sorted { $0.rawValue < $1.rawValue }
        let log = SARIF.Log(runs: [
            SARIF.Run(
                tool: .init(driver: .init(
                    name: "hedgeplan", version: toolVersion,
                    informationUri: "https://github.com/hedgeplan/hedgeplan",
                    rules: ruleIDs.map {
                        .init(id: $0.rawValue, shortDescription: .init(text: ruleDescriptions[$0] ?? RuleCatalog.description(of: $0)))
                    })),
                results: diagnostics.map { d in
                    SARIF.Result(
                        ruleId: d.rule.rawValue,
                        ruleIndex: ruleIDs.firstIndex(of: d.rule)!,
                        level: d.severity.rawValue,
                        message: .init(text: d.message),
                        locations: [SARIF.Location(d.location)],
                        relatedLocations: d.notes.compactMap { note in
                            note.location.map { SARIF.Location($0, message: note.message) }
                        })
                })
        ])
        return Self.encode(log)
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and integers cannot fail.
        return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
    }
}

extension RuleCatalog {
    /// Later stages (checker, lint) register their own rule descriptions here.
    public static func description(of rule: RuleID) -> String {
        descriptions[rule] ?? rule.rawValue
    }
}

/// The subset of SARIF 2.1.0 that diagnostics need.
enum SARIF {
    struct Log: Encodable {
        var version = "2.1.0"
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case version, runs
            case schema = "$schema"
        }
    }
    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
    }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name: String
        var version: String
        var informationUri: String
        var rules: [Rule]
    }
    struct Rule: Encodable {
        var id: String
        var shortDescription: Message
    }
    struct Message: Encodable { var text: String }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]
    }
    struct Location: Encodable {
        struct Physical: Encodable {
            var artifactLocation: Artifact
            var region: Region?
        }
        struct Artifact: Encodable { var uri: String }
        struct Region: Encodable {
            var startLine: Int
            var startColumn: Int
        }
        var physicalLocation: Physical
        var message: Message?

        init(_ location: SourceLocation, message: String? = nil) {
            physicalLocation = Physical(
                artifactLocation: Artifact(uri: location.file),
                region: location.isWholeFile ? nil : Region(startLine: location.line, startColumn: location.column))
            self.message = message.map(Message.init)
        }
    }
}
