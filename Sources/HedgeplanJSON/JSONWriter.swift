/// Writes a `JSONValue` as text, byte for byte what Foundation's `JSONEncoder` writes with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (the format every JSON output of
/// the program has had, and its goldens), straight from the value. The encoder first builds
/// a tree of its own, then `Data`, then a `String`: for a long dry run's trade list (tens of
/// thousands of objects) that tripled the peak memory of the whole process.
///
/// The format: two spaces per level; `"key" : value`; keys in the byte order of their UTF-8;
/// an empty array or object as its brackets around an empty line; doubles as Swift's shortest
/// round-trip `description` without a trailing `.0`, zero as `0` (never `-0`), non-finite
/// ones as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`; strings with `"`, `\` and
/// control characters escaped (`\b \t \n \f \r`, else `\u00xx`), everything else as is.
struct JSONWriter {
    var bytes: [UInt8] = []

    mutating func write(_ value: JSONValue, indent: Int = 0) {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let i): append(String(i))
        case .number(let d): writeNumber(d)
        case .string(let s): writeString(s)
        case .array(let items):
            writeArray(count: items.count, indent: indent) { items[$0] }
        case .object(let members):
            writeObject(members, streaming: [:], indent: indent)
        }
    }

    /// An object whose `streamed` members are arrays written element by element (each
    /// element made, written and dropped in turn), in key order with the others.
    mutating func writeObject(_ members: [String: JSONValue], streaming streamed: [String: StreamedArray], indent: Int = 0) {
        bytes.append(UInt8(ascii: "{"))
        guard !members.isEmpty || !streamed.isEmpty else { return closeEmpty("}", indent) }
        let keys = (Array(members.keys) + streamed.keys.filter { members[$0] == nil })
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (i, key) in keys.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(indent + 1)
            writeString(key)
            append(" : ")
            if let value = members[key] {
                write(value, indent: indent + 1)
            } else {
                let array = streamed[key]!
                writeArray(count: array.count, indent: indent + 1, element: array.element)
            }
        }
        newline(indent)
        bytes.append(UInt8(ascii: "}"))
    }

    /// An array of `count` elements, element `i` made by `element(i)` as it is written.
    private mutating func writeArray(count: Int, indent: Int, element: (Int) -> JSONValue) {
        bytes.append(UInt8(ascii: "["))
        guard count > 0 else { return closeEmpty("]", indent) }
        for i in 0..<count {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(indent + 1)
            write(element(i), indent: indent + 1)
        }
        newline(indent)
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func append(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    private mutating func closeEmpty(_ bracket: Unicode.Scalar, _ indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        newline(indent)
        bytes.append(UInt8(ascii: bracket))
    }

    /// A line break, then `level` levels of indentation.
    private mutating func newline(_ level: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    private mutating func writeNumber(_ d: Double) {
        guard d.isFinite else { return writeString(d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity")) }
        guard d != 0 else { return append("0") }
        let description = d.description
        bytes.append(contentsOf: description.hasSuffix(".0") ? description.utf8.dropLast(2) : description.utf8[...])
    }

    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x08: append("\\b")
            case 0x09: append("\\t")
            case 0x0A: append("\\n")
            case 0x0C: append("\\f")
            case 0x0D: append("\\r")
            case 0..<0x20:
                append("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// A JSON array made one element at a time as it is written: a long list (a dry run's
/// trades) never exists as a tree of values, only as its text.
public struct StreamedArray {
    public let count: Int
    public let element: (Int) -> JSONValue

    public init(count: Int, element: @escaping (Int) -> JSONValue) {
        self.count = count
        self.element = element
    }
}
