import HedgeplanDiagnostics
import HedgeplanSyntax

/// Replaces a strategy's `hedge.delta` section with another, written as a YAML flow
/// mapping, and leaves every other byte of the file as it was (comments, spacing, key
/// order): what `tune --write-strategy` writes and how `tune` builds each candidate.
///
/// A block-style section (`delta:` then indented lines) is replaced from just after
/// `delta:` to its last indented line, comments inside it included; a flow-style one
/// (`delta: { ... }`) from `{` to its matching `}`. A strategy with `hedge:` but no
/// `delta:` gets the line inserted as the first entry of `hedge:`.
public enum HedgeDeltaEdit {
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var location: SourceLocation
        public var message: String
        public var description: String { "\(location): \(message)" }
    }

    public static func replacing(in text: String, path: String, with flow: String) throws(Failure) -> String {
        let parsed = SyntaxParser.parse(SourceText(path: path, text: text))
        guard let root = parsed.root, let entries = root.entries, !parsed.diagnostics.hasErrors else {
            throw Failure(location: .wholeFile(path), message: "the strategy does not parse; run `hedgeplan validate` on it")
        }
        guard let hedge = entries.first(where: { $0.key.scalar?.text == "hedge" }) else {
            throw Failure(location: root.location, message: "the strategy has no `hedge:` section to tune (it needs the instrument and venues a policy trades on)")
        }
        // Lines of Unicode scalars (a "\r\n" is one Character, so split the scalars); a
        // "\r" stays at the end of its line.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        guard let hedgeEntries = hedge.value.entries else {
            throw Failure(location: hedge.value.location, message: "`hedge:` is not a mapping")
        }
        guard let delta = hedgeEntries.first(where: { $0.key.scalar?.text == "delta" }) else {
            // Insert `delta:` as the first entry, at the indentation of the entries.
            guard let first = hedgeEntries.first, first.key.location.line > hedge.key.location.line else {
                throw Failure(location: hedge.value.location, message: "`hedge:` is written inline; add a `delta:` entry by hand")
            }
            let indent = String(repeating: " ", count: first.key.location.column - 1)
            lines.insert(Array("\(indent)delta: \(flow)".unicodeScalars), at: first.key.location.line - 1)
            return join(lines)
        }
        let keyLine = delta.key.location.line - 1
        let keyColumn = delta.key.location.column - 1
        let value = delta.value.location
        let keyText = Array((delta.key.scalar?.text ?? "delta").unicodeScalars)
        // Just after the colon that follows the key.
        var afterColon = keyColumn + keyText.count
        while afterColon < lines[keyLine].count, lines[keyLine][afterColon] != ":" { afterColon += 1 }
        afterColon += 1
        if value.line - 1 == keyLine {
            guard delta.value.entries != nil, lines[keyLine].indices.contains(value.column - 1), lines[keyLine][value.column - 1] == "{" else {
                throw Failure(location: value, message: "`hedge.delta` is not a mapping")
            }
            let (endLine, endColumn) = try matchingBrace(lines, line: keyLine, column: value.column - 1, at: value)
            let replaced = Array(lines[keyLine][..<(value.column - 1)]) + Array(flow.unicodeScalars) + Array(lines[endLine][(endColumn + 1)...])
            lines.replaceSubrange(keyLine...endLine, with: [replaced])
            return join(lines)
        }
        // Block style: the section's lines are those indented deeper than `delta:`, and the
        // blank or comment lines between them.
        var last = keyLine
        var line = keyLine + 1
        while line < lines.count {
            let content = lines[line].drop { $0 == " " || $0 == "\t" }
            let indent = lines[line].count - content.count
            if content.isEmpty || content.first == "#" || content == ["\r"] {
                line += 1
                continue
            }
            guard indent > keyColumn else { break }
            last = line
            line += 1
        }
        let carriageReturn: [Unicode.Scalar] = lines[last].last == "\r" ? ["\r"] : []
        let replaced = Array(lines[keyLine][..<afterColon]) + Array(" \(flow)".unicodeScalars) + carriageReturn
        lines.replaceSubrange(keyLine...last, with: [replaced])
        return join(lines)
    }

    private static func join(_ lines: [[Unicode.Scalar]]) -> String {
        var out = String.UnicodeScalarView()
        for (i, line) in lines.enumerated() {
            if i > 0 { out.append("\n") }
            out.append(contentsOf: line)
        }
        return String(out)
    }

    /// The `}` that closes the `{` at (line, column), skipping quoted text and nested maps.
    private static func matchingBrace(_ lines: [[Unicode.Scalar]], line: Int, column: Int, at location: SourceLocation)
        throws(Failure) -> (Int, Int) {
        var depth = 0
        var quote: Unicode.Scalar?
        var l = line, c = column
        while l < lines.count {
            while c < lines[l].count {
                let ch = lines[l][c]
                if let q = quote {
                    if ch == q { quote = nil }
                } else if ch == "\"" || ch == "'" {
                    quote = ch
                } else if ch == "#" && c > 0 && lines[l][c - 1] == " " {
                    break  // a comment to the end of the line
                } else if ch == "{" || ch == "[" {
                    depth += 1
                } else if ch == "}" || ch == "]" {
                    depth -= 1
                    if depth == 0 { return (l, c) }
                }
                c += 1
            }
            l += 1
            c = 0
        }
        throw Failure(location: location, message: "`hedge.delta` has no closing `}`")
    }
}
