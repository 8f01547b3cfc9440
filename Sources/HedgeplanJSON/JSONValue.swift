import Foundation

/// A JSON document as a value: what `hedgeplan schema` prints, what a YAML document
/// becomes under YAML 1.2-core typing (`SyntaxNode.jsonValue`) and what the reports write. Encodes with sorted keys,
/// so the same value always gives the same bytes.
public enum JSONValue: Hashable, Sendable, Encodable {
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
        case .number(let d): try container.encode(d == 0 ? 0 : d)  // never "-0"
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }

    /// Pretty-printed, sorted keys, slashes unescaped, with a final newline: the bytes
    /// Foundation's `JSONEncoder` gives with those options (`JSONWriter`), written without
    /// its intermediate copies.
    public func serialized() -> String {
        String(decoding: Self.document { $0.write(self) }, as: UTF8.self)
    }

    /// `JSONValue.object(members)` with `streamed` added as arrays, serialized as
    /// `serialized()` would (as UTF-8 bytes, for a caller that writes them out), without the
    /// streamed arrays ever existing as values: a long result exists once in memory.
    public static func serializedObjectUTF8(_ members: [String: JSONValue], streaming streamed: [String: StreamedArray]) -> [UInt8] {
        document { $0.writeObject(members, streaming: streamed) }
    }

    /// What `body` writes, with the final newline.
    private static func document(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        body(&writer)
        writer.bytes.append(UInt8(ascii: "\n"))
        return writer.bytes
    }

    /// What `serialized()` gives, through Foundation's `JSONEncoder`: the reference the
    /// writer is tested against.
    public func serializedByFoundation() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        // A JSONValue holds only encodable leaves; encoding cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }
}
