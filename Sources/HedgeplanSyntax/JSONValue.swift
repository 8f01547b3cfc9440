import Foundation

/// A JSON document as a value: what `hedgeplan schema` prints, and what a YAML document
/// becomes under YAML 1.2-core typing (`SyntaxNode.jsonValue`). Encodes with sorted keys,
/// so the same value always gives the same bytes.
public indirect enum JSONValue: Hashable, Sendable, Encodable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .number(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }

    /// Pretty-printed, sorted keys, slashes unescaped, with a final newline.
    public func serialized() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // A JSONValue holds only encodable leaves; encoding cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }
}

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
