import Foundation
import HedgeplanDiagnostics
import HedgeplanSyntax

/// What a configuration file says about one rule.
public enum RuleSetting: String, Sendable, CaseIterable {
    case off, note, warning, error

    /// The severity findings are reported at; nil when the rule is off.
    public var severity: Severity? {
        switch self {
        case .off: return nil
        case .note: return .note
        case .warning: return .warning
        case .error: return .error
        }
    }
}

/// Rule severities for lint, from a `.hedgeplan-lint.yml` file:
///
/// ```yaml
/// rules:
///   strike-off-grid: off
///   premium-off-model: error
/// ```
///
/// The file is found next to the strategy or in any parent directory (the nearest wins),
/// or given with `--config FILE`. Rules the file does not name keep their default severity.
public struct LintConfiguration: Sendable {
    public static let fileName = ".hedgeplan-lint.yml"

    /// The file this configuration came from; nil for the defaults.
    public var path: String?
    public var settings: [RuleID: RuleSetting]

    public init(path: String? = nil, settings: [RuleID: RuleSetting] = [:]) {
        self.path = path
        self.settings = settings
    }

    /// Every rule at its default severity.
    public static let defaults = LintConfiguration()

    /// The severity `rule` reports at under this configuration; nil when it is off.
    public func severity(of rule: any LintRule) -> Severity? {
        guard let setting = settings[rule.id] else { return rule.defaultSeverity }
        return setting.severity
    }

    /// A parsed configuration file with the problems found in it (`lint-config`), and its
    /// text for quoting source lines.
    public struct Loaded: Sendable {
        public var configuration: LintConfiguration
        public var source: SourceText?
        public var diagnostics: [Diagnostic]
        public var isIOFailure: Bool { diagnostics.contains { $0.rule == .io } }
    }

    /// Reads and parses a configuration file. Never throws: every problem is a diagnostic,
    /// and a bad file leaves the defaults in place for what it could not say.
    public static func load(path: String) -> Loaded {
        let parsed = SyntaxParser.parse(path: path)
        guard let source = parsed.source else {
            return Loaded(configuration: LintConfiguration(path: path), source: nil, diagnostics: parsed.diagnostics)
        }
        return parse(parsed, source: source)
    }

    /// Parses configuration text already in memory, named `path` in diagnostics.
    public static func parse(text: String, path: String) -> Loaded {
        let source = SourceText(path: path, text: text)
        return parse(SyntaxParser.parse(source), source: source)
    }

    private static func parse(_ parsed: ParsedSource, source: SourceText) -> Loaded {
        var configuration = LintConfiguration(path: source.path)
        var diagnostics = parsed.diagnostics
        func error(_ message: String, at location: SourceLocation) {
            diagnostics.append(.error(.lintConfiguration, message, at: location))
        }
        guard let root = parsed.root else {
            // An empty file is a valid configuration that changes nothing.
            diagnostics.removeAll { $0.rule == .emptyFile }
            return Loaded(configuration: configuration, source: source, diagnostics: diagnostics)
        }
        guard let entries = root.entries else {
            error("a lint configuration is a mapping with a `rules:` key, found \(root.kindDescription)", at: root.location)
            return Loaded(configuration: configuration, source: source, diagnostics: diagnostics)
        }
        let ruleIDs = LintRegistry.ids.map(\.rawValue)
        let settingNames = RuleSetting.allCases.map(\.rawValue)
        for entry in entries {
            let key = entry.key.scalar?.text ?? ""
            guard key == "rules" else {
                error("unknown key `\(key)` in a lint configuration (it has only `rules:`)" + LintDidYouMean.hint(for: key, among: ["rules"]),
                      at: entry.key.location)
                continue
            }
            if case .scalar(let scalar) = entry.value.kind, scalar.core == .null { continue }
            guard let ruleEntries = entry.value.entries else {
                error("`rules` maps rule ids to off, note, warning or error; found \(entry.value.kindDescription)", at: entry.value.location)
                continue
            }
            for ruleEntry in ruleEntries {
                let id = ruleEntry.key.scalar?.text ?? ""
                guard ruleIDs.contains(id) else {
                    diagnostics.append(Diagnostic(
                        .warning, .lintConfiguration,
                        "unknown lint rule `\(id)`" + LintDidYouMean.hint(for: id, among: ruleIDs),
                        at: ruleEntry.key.location,
                        notes: [.init("the lint rules are: \(ruleIDs.joined(separator: ", "))")]))
                    continue
                }
                // `off` must stay a string whatever the YAML version; the text is what counts.
                guard let text = ruleEntry.value.scalar?.text, let setting = RuleSetting(rawValue: text.lowercased()) else {
                    error("`\(id)` must be one of \(settingNames.joined(separator: ", ")); found \(ruleEntry.value.kindDescription)"
                            + LintDidYouMean.hint(for: ruleEntry.value.scalar?.text ?? "", among: settingNames),
                          at: ruleEntry.value.location)
                    continue
                }
                configuration.settings[RuleID(rawValue: id)] = setting
            }
        }
        return Loaded(configuration: configuration, source: source, diagnostics: diagnostics.sortedByLocation())
    }

    /// The nearest `.hedgeplan-lint.yml` in the strategy's directory or a parent directory.
    /// The path is relative to the current directory when the file lies below it.
    public static func discover(forStrategyAt strategyPath: String) -> String? {
        let fileManager = FileManager.default
        let current = URL(fileURLWithPath: fileManager.currentDirectoryPath).standardizedFileURL.path
        var directory = URL(fileURLWithPath: strategyPath).standardizedFileURL.deletingLastPathComponent()
        while true {
            let candidate = directory.appendingPathComponent(fileName).path
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                let prefix = current.hasSuffix("/") ? current : current + "/"
                return candidate.hasPrefix(prefix) ? String(candidate.dropFirst(prefix.count)) : candidate
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path || directory.path == "/" { return nil }
            directory = parent
        }
    }
}

/// "Did you mean" for rule ids and settings: within a third of the word's length in edits, at least two.
enum LintDidYouMean {
    static func hint(for word: String, among candidates: [String]) -> String {
        DidYouMean.hint(for: word, among: candidates, minimumLimit: 2)
    }
}
