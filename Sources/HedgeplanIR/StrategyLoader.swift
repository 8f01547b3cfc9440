import Foundation
import HedgeplanDiagnostics
import HedgeplanSyntax

/// The front end in one call: read a file, parse its YAML, and decode the strategy.
/// What library users embed; the `validate` command is a thin shell over it.
public struct LoadedStrategy: Sendable {
    public var path: String
    /// The text, when the file could be read (for quoting source lines in diagnostics).
    public var source: SourceText?
    /// The strategy, when it is complete enough to type (it may still carry errors).
    public var strategy: Strategy?
    /// Every problem found, in reading order.
    public var diagnostics: [Diagnostic]
    /// The file could not be read at all (missing, a directory, unreadable).
    public var isIOFailure: Bool { diagnostics.contains { $0.rule == .io } }
    public var hasErrors: Bool { diagnostics.hasErrors }
}

public enum StrategyLoader {
    /// `now` is the valuation time when the strategy sets no `market.as_of`.
    public static func load(path: String, now: Instant = Instant(Date()), limits: ParseLimits = .standard) -> LoadedStrategy {
        finish(path: path, SyntaxParser.parse(path: path, limits: limits), now: now)
    }

    /// Loads text already in memory, named `path` in diagnostics.
    public static func load(text: String, path: String, now: Instant = Instant(Date()), limits: ParseLimits = .standard) -> LoadedStrategy {
        finish(path: path, SyntaxParser.parse(SourceText(path: path, text: text), limits: limits), now: now)
    }

    private static func finish(path: String, _ parsed: ParsedSource, now: Instant) -> LoadedStrategy {
        var diagnostics = parsed.diagnostics
        var strategy: Strategy?
        if let root = parsed.root {
            let decoded = StrategyDecoder.decode(root, now: now)
            strategy = decoded.strategy
            diagnostics += decoded.diagnostics
        }
        return LoadedStrategy(path: path, source: parsed.source, strategy: strategy, diagnostics: diagnostics.sortedByLocation())
    }
}
