import HedgeplanDiagnostics
import HedgeplanSyntax

/// Reads one mapping of the language against its `ObjectShape`: reports unknown keys (with
/// a hint), missing required keys and non-mapping nodes once, then hands out fields by name,
/// typed and range-checked by the field's declared shape.
struct ObjectReader {
    let node: SyntaxNode
    let shape: ObjectShape
    let context: DecodeContext
    /// Where this mapping is, for messages: `market`, `legs[2]`, `execution.venues[0]`.
    let path: String
    private var values: [String: SyntaxNode.Entry] = [:]
    /// Keys that an unknown key was probably meant to be: their absence is already explained.
    private(set) var misspelled: Set<String> = []

    /// Nil when `node` is not a mapping (already reported).
    init?(_ node: SyntaxNode, _ shape: ObjectShape, _ context: DecodeContext, path: String) {
        self.node = node
        self.shape = shape
        self.context = context
        self.path = path
        guard let entries = node.entries else {
            let what = path.isEmpty ? "a \(shape.name) file" : "`\(path)`"
            context.error(.type, "\(what) must be a mapping (\(shape.summary.dropLast().lowercased())), found \(node.kindDescription)", at: node.location)
            return nil
        }
        let known = shape.fields.map(\.name)
        for entry in entries {
            guard let key = entry.key.scalar?.text else {
                context.error(.type, "keys must be plain names, found \(entry.key.kindDescription)", at: entry.key.location)
                continue
            }
            if shape.field(key) == nil {
                let place = path.isEmpty ? "at the top level" : "in `\(path)`"
                let suggestion = DidYouMean.suggestion(for: key, among: known)
                context.error(
                    .unknownKey, "unknown key `\(key)` \(place)" + (suggestion.map { "; did you mean `\($0)`?" } ?? ""),
                    at: entry.key.location)
                if let suggestion { misspelled.insert(suggestion) }
                continue
            }
            values[key] = entry
        }
        for field in shape.fields where field.required && values[field.name] == nil && !misspelled.contains(field.name) {
            let place = path.isEmpty ? "the \(shape.name)" : "`\(path)`"
            context.error(.missingKey, "\(place) is missing the required key `\(field.name)`: \(field.summary.dropLast())", at: node.location)
        }
    }

    /// The value node of a key the author wrote.
    subscript(_ key: String) -> SyntaxNode? {
        precondition(shape.field(key) != nil, "`\(key)` is not a field of \(shape.name)")
        return values[key]?.value
    }

    func keyLocation(_ key: String) -> SourceLocation? { values[key]?.key.location }

    func has(_ key: String) -> Bool { values[key] != nil }

    /// `path.key`, the name messages use.
    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func field(_ key: String) -> Field {
        guard let field = shape.field(key) else { preconditionFailure("`\(key)` is not a field of \(shape.name)") }
        return field
    }
}
