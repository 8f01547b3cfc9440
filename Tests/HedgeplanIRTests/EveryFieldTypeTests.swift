import Foundation
import HedgeplanDiagnostics
import HedgeplanSyntax
import Testing
@testable import HedgeplanIR

/// "A wrong type in every field": for every value in every bundled strategy and in the
/// design page's example, replace it with a value of the wrong kind (a list for a scalar,
/// a scalar for a list or mapping) and check that a `type` error points at exactly that node.
struct EveryFieldTypeTests {
    struct Variant {
        var path: String
        var location: HedgeplanDiagnostics.SourceLocation
        var root: SyntaxNode
    }

    static func wrongKind(_ node: SyntaxNode) -> SyntaxNode {
        switch node.kind {
        case .scalar:
            return SyntaxNode(.sequence([SyntaxNode(.scalar(Scalar("1")), at: node.location)]), at: node.location)
        case .mapping, .sequence:
            return SyntaxNode(.scalar(Scalar("oops")), at: node.location)
        }
    }

    /// Every tree that differs from `node` in exactly one value.
    static func variants(of node: SyntaxNode, path: String) -> [Variant] {
        switch node.kind {
        case .scalar:
            return []
        case .mapping(let entries):
            var out: [Variant] = []
            for (index, entry) in entries.enumerated() {
                let key = entry.key.scalar?.text ?? "?"
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                var copy = entries
                copy[index].value = wrongKind(entry.value)
                out.append(Variant(path: childPath, location: entry.value.location, root: SyntaxNode(.mapping(copy), at: node.location)))
                for sub in variants(of: entry.value, path: childPath) {
                    var copy = entries
                    copy[index].value = sub.root
                    out.append(Variant(path: sub.path, location: sub.location, root: SyntaxNode(.mapping(copy), at: node.location)))
                }
            }
            return out
        case .sequence(let items):
            var out: [Variant] = []
            for (index, item) in items.enumerated() {
                let childPath = "\(path)[\(index)]"
                var copy = items
                copy[index] = wrongKind(item)
                out.append(Variant(path: childPath, location: item.location, root: SyntaxNode(.sequence(copy), at: node.location)))
                for sub in variants(of: item, path: childPath) {
                    var copy = items
                    copy[index] = sub.root
                    out.append(Variant(path: sub.path, location: sub.location, root: SyntaxNode(.sequence(copy), at: node.location)))
                }
            }
            return out
        }
    }

    @Test(arguments: Paths.allStrategyFiles.map(\.lastPathComponent))
    func everyValueRejectsTheWrongKind(_ file: String) throws {
        let url = Paths.allStrategyFiles.first { $0.lastPathComponent == file }!
        let parsed = SyntaxParser.parse(path: url.path)
        let root = try #require(parsed.root)
        let variants = Self.variants(of: root, path: "")
        #expect(variants.count > 20)
        for variant in variants {
            let diagnostics = StrategyDecoder.decode(variant.root, now: testNow).diagnostics
            let hit = diagnostics.contains { $0.rule == .type && $0.location == variant.location }
            #expect(hit, "\(file): a wrong kind at `\(variant.path)` (\(variant.location)) gave \(diagnostics.map { "\($0.location) \($0.rule): \($0.message)" })")
        }
    }
}
