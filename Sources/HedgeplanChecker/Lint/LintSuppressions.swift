import HedgeplanDiagnostics

/// Inline suppressions, found by scanning the source text (the YAML layer drops comments):
///
/// ```yaml
/// strike: 3333      # hedgeplan-lint: disable=strike-off-grid
/// # hedgeplan-lint: disable=premium-off-model,strike-off-grid
/// - { id: odd, side: short, type: call, strike: 3333, premium: 80, ... }
/// ```
///
/// A directive at the end of a line silences the named rules for findings on that line; a
/// directive alone on its line silences them on the next line.
public struct LintSuppressions: Sendable {
    public static let marker = "hedgeplan-lint:"

    /// Line (1-based) -> rules silenced on it.
    public private(set) var silenced: [Int: Set<RuleID>] = [:]
    /// Directives that are malformed or name rules lint does not have (`lint-suppression`).
    public private(set) var diagnostics: [Diagnostic] = []

    public init(text: String, path: String, knownRules: [RuleID] = LintRegistry.ids) {
        let known = Set(knownRules)
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(Self.marker), let comment = Self.commentStart(in: line) else { continue }
            let commentText = Self.trimmed(line[line.index(after: comment)...])
            guard commentText.hasPrefix(Self.marker) else { continue }
            let column = line[..<comment].unicodeScalars.count + 1
            let location = SourceLocation(file: path, line: lineNumber, column: column)
            let directive = Self.trimmed(commentText.dropFirst(Self.marker.count))
            guard directive.hasPrefix("disable=") else {
                diagnostics.append(Diagnostic(
                    .warning, .lintSuppression,
                    "a lint directive reads `# hedgeplan-lint: disable=rule-id[,rule-id]`; found `\(commentText)`", at: location))
                continue
            }
            let isAlone = line[..<comment].allSatisfy { $0 == " " || $0 == "\t" }
            let target = isAlone ? lineNumber + 1 : lineNumber
            let list: Substring = directive.dropFirst("disable=".count)
            let names: [String] = list.split(whereSeparator: Self.isListSeparator).map { String($0) }
            for name in names {
                let id = RuleID(rawValue: name)
                if known.contains(id) {
                    silenced[target, default: []].insert(id)
                } else {
                    diagnostics.append(Diagnostic(
                        .warning, .lintSuppression,
                        "`\(name)` is not a lint rule, so this comment silences nothing"
                            + LintDidYouMean.hint(for: name, among: knownRules.map(\.rawValue)),
                        at: location))
                }
            }
        }
    }

    static func isListSeparator(_ character: Character) -> Bool {
        character == "," || character == " " || character == "\t"
    }

    static func trimmed(_ text: Substring) -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else { return "" }
        return text[first...last]
    }

    public func isSilenced(_ diagnostic: Diagnostic) -> Bool {
        silenced[diagnostic.location.line]?.contains(diagnostic.rule) ?? false
    }

    /// The index of the `#` that opens a YAML comment on `line`: at the start of the line or
    /// after a space or tab, outside quoted strings.
    static func commentStart(in line: Substring) -> Substring.Index? {
        var quote: Character?
        var previous: Character = " "
        var index = line.startIndex
        var escaped = false
        while index < line.endIndex {
            let character = line[index]
            if let open = quote {
                if escaped {
                    escaped = false
                } else if character == "\\", open == "\"" {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
            } else if character == "\"" || character == "'", " \t[{,".contains(previous) {
                // A quote opens a quoted scalar only where a scalar starts (not in `don't`).
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                return index
            }
            previous = character
            index = line.index(after: index)
        }
        return nil
    }
}
