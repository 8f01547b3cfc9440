import HedgeplanDiagnostics
import HedgeplanSimulation
import HedgeplanSyntax

/// `tune --grid FILE.yaml`: a YAML list of `hedge.delta` sections, each written as in a
/// strategy. Each item becomes a candidate as written; the compiler then checks it as part
/// of the strategy, and a candidate that does not compile is reported at its item.
enum TuneGrid {
    struct Item {
        var policy: HedgePolicy
        var location: SourceLocation
    }

    static func load(_ path: String) throws -> [Item] {
        let parsed = SyntaxParser.parse(path: path)
        if parsed.diagnostics.hasErrors {
            throw CommandFailure(diagnostics: parsed.diagnostics, exitCode: parsed.diagnostics.contains { $0.rule == .io } ? 74 : 1)
        }
        guard let root = parsed.root, let items = root.items, !items.isEmpty else {
            throw CommandFailure.input(.type, path, "a grid is a YAML list of hedge.delta sections, such as `- { trigger: band, band: 0.5 }`")
        }
        return try items.map { node in
            guard let entries = node.entries else {
                throw CommandFailure(.error(.type, "expected a hedge.delta section (a mapping), found \(node.kindDescription)", at: node.location), exitCode: 1)
            }
            return Item(policy: HedgePolicy(try fields(entries)), location: node.location)
        }
    }

    private static func fields(_ entries: [SyntaxNode.Entry]) throws -> [(String, HedgePolicy.Value)] {
        try entries.map { entry in
            guard let key = entry.key.scalar?.text else {
                throw CommandFailure(.error(.type, "expected a key", at: entry.key.location), exitCode: 1)
            }
            if let scalar = entry.value.scalar { return (key, .text(scalar.style == .plain ? scalar.text : "\"\(scalar.text)\"")) }
            if let nested = entry.value.entries { return (key, .mapping(try fields(nested))) }
            throw CommandFailure(.error(.type, "`\(key)`: expected a value or a mapping, found \(entry.value.kindDescription)", at: entry.value.location), exitCode: 1)
        }
    }
}
