import HedgeplanJSON

extension SyntaxNode {
    /// The document as JSON under YAML 1.2-core typing, as an editor's schema validator
    /// sees it. Non-scalar keys become their source text.
    public var jsonValue: JSONValue {
        switch kind {
        case .scalar(let scalar):
            switch scalar.core {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .float(let f): return .number(f)
            case .string(let s): return .string(s)
            }
        case .sequence(let items):
            return .array(items.map(\.jsonValue))
        case .mapping(let entries):
            var object: [String: JSONValue] = [:]
            for entry in entries {
                object[entry.key.scalar?.text ?? "\(entry.key.location)"] = entry.value.jsonValue
            }
            return .object(object)
        }
    }
}
