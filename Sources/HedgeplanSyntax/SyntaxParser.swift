import HedgeplanDiagnostics

/// The front door of the syntax layer: bytes or a path in, a syntax tree and diagnostics out.
public struct ParsedSource: Sendable {
    /// The file's text, when it could be read and decoded (for quoting source lines).
    public var source: SourceText?
    /// The document's root, when it could be composed.
    public var root: SyntaxNode?
    public var diagnostics: [Diagnostic]
}

public enum SyntaxParser {
    /// Reads and parses one file. Never throws: every failure is a diagnostic.
    public static func parse(path: String, limits: ParseLimits = .standard) -> ParsedSource {
        switch SourceText.load(path: path, limits: limits) {
        case .failure(let diagnostic):
            return ParsedSource(source: nil, root: nil, diagnostics: [diagnostic])
        case .success(let source):
            return parse(source, limits: limits)
        }
    }

    /// Parses text already in memory (an editor buffer, a test).
    public static func parse(_ source: SourceText, limits: ParseLimits = .standard) -> ParsedSource {
        if source.text.utf8.count > limits.maxBytes {
            return ParsedSource(source: nil, root: nil, diagnostics: [
                .error(.sizeLimit, "file is larger than the \(limits.maxBytes / 1024) KiB limit for strategy files",
                       at: SourceLocation(file: source.path, line: 1, column: 1))
            ])
        }
        let composer = YAMLComposer(path: source.path, limits: limits)
        let root = composer.compose(source.text)
        return ParsedSource(source: source, root: root, diagnostics: composer.diagnostics)
    }
}
