import Foundation
import HedgeplanTestSupport

/// Seeded mutations of bytes and of JSON values, the same every run.
struct ByteMutator {
    private var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15) }

    mutating func next() -> UInt64 { generator.next() }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

    /// Bytes and tokens that break parsers: separators, quotes, signs, exponents, control
    /// characters, a BOM, huge and tiny numbers, non-ASCII.
    static let hostile: [[UInt8]] = [
        ",", "\"", "\n", "\r", "\r\n", "-", "+", "e308", "1e-320", "1e300", "NaN", "inf", "0", "-1", "\u{0}", "\u{1B}[2J", "\u{FEFF}",
        "9999-12-31 23:59:59", "1970-01-01", ":", "{", "}", "[", "]", "null", "true", "é", "\t", " ", ".", "99999999999999999999",
    ].map { Array($0.utf8) }

    /// One to three edits: flip, insert or delete bytes, splice a hostile token, and (when
    /// `lines`) duplicate, drop or swap whole lines.
    mutating func mutate(_ input: [UInt8], lines: Bool) -> [UInt8] {
        var bytes = input
        for _ in 0...below(3) {
            switch below(lines ? 7 : 5) {
            case 0 where !bytes.isEmpty: bytes[below(bytes.count)] ^= UInt8(1 << below(8))
            case 1: bytes.insert(UInt8(truncatingIfNeeded: next()), at: below(bytes.count + 1))
            case 2 where !bytes.isEmpty:
                let start = below(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(8)))
            case 3, 4: bytes.insert(contentsOf: Self.hostile[below(Self.hostile.count)], at: below(bytes.count + 1))
            default:
                var rows = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
                guard rows.count > 1 else { continue }
                let i = below(rows.count), j = below(rows.count)
                switch below(3) {
                case 0: rows.insert(rows[i], at: j)
                case 1: rows.remove(at: i)
                default: rows.swapAt(i, j)
                }
                bytes = Array(rows.joined(separator: [UInt8(ascii: "\n")]))
            }
        }
        return bytes
    }

    /// JSON values that a plan must refuse or survive.
    static var hostileValues: [Any] { [
        -1, 0, 1e308, -1e308, 1e17, Double.leastNonzeroMagnitude, "bogus", "", NSNull(), [Any](), [String: Any](), true, "1", 2.5, -5, 1_000_000_000_000,
    ] }

    /// One edit of a JSON document: a leaf (or a whole object or array) replaced by a
    /// hostile value, a key dropped, an unknown key added, or an array element dropped.
    /// Returns the mutant and a description of the edit.
    mutating func mutateJSON(_ document: Any) -> (Any, String) {
        var paths: [[PathStep]] = []
        Self.collect(document, [], into: &paths)
        let path = paths[below(paths.count)]
        let shown = "$" + path.map(\.description).joined()
        switch below(4) {
        case 0, 1:
            let value = Self.hostileValues[below(Self.hostileValues.count)]
            return (Self.replace(document, at: path[...], with: { _ in value }), "\(shown) = \(value)")
        case 2:
            return (Self.replace(document, at: path.dropLast()[...], with: { parent in Self.removing(path.last, from: parent) }),
                    "drop \(shown)")
        default:
            return (Self.replace(document, at: path.dropLast()[...], with: { parent in
                guard var object = parent as? [String: Any] else { return parent }
                object["half_widht"] = 0.5
                return object
            }), "unknown key beside \(shown)")
        }
    }

    enum PathStep: CustomStringConvertible {
        case key(String), index(Int)
        var description: String {
            switch self {
            case .key(let k): return ".\(k)"
            case .index(let i): return "[\(i)]"
            }
        }
    }

    private static func collect(_ value: Any, _ path: [PathStep], into paths: inout [[PathStep]]) {
        if !path.isEmpty { paths.append(path) }
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() { collect(object[key]!, path + [.key(key)], into: &paths) }
        } else if let array = value as? [Any] {
            for (i, element) in array.enumerated() { collect(element, path + [.index(i)], into: &paths) }
        }
    }

    private static func replace(_ value: Any, at path: ArraySlice<PathStep>, with change: (Any) -> Any) -> Any {
        guard let step = path.first else { return change(value) }
        switch step {
        case .key(let k):
            guard var object = value as? [String: Any], let child = object[k] else { return value }
            object[k] = replace(child, at: path.dropFirst(), with: change)
            return object
        case .index(let i):
            guard var array = value as? [Any], i < array.count else { return value }
            array[i] = replace(array[i], at: path.dropFirst(), with: change)
            return array
        }
    }

    private static func removing(_ step: PathStep?, from parent: Any) -> Any {
        switch step {
        case .key(let k)?:
            guard var object = parent as? [String: Any] else { return parent }
            object[k] = nil
            return object
        case .index(let i)?:
            guard var array = parent as? [Any], i < array.count else { return parent }
            array.remove(at: i)
            return array
        case nil: return parent
        }
    }

    /// A short printable excerpt of a mutant, for failure messages.
    static func show(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(200), as: UTF8.self).debugDescription
    }
}
