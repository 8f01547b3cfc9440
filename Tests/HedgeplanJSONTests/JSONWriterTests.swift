import HedgeplanTestSupport
import Testing
@testable import HedgeplanJSON

/// `JSONValue.serialized()` writes its own bytes; Foundation's `JSONEncoder` with the same
/// options (`serializedByFoundation`) is the independent reference every golden was made with.
struct JSONWriterTests {
    static let edgeCases: [JSONValue] = [
        .null, .bool(true), .bool(false), .int(0), .int(-42), .int(Int.max), .int(Int.min),
        .number(0), .number(-0.0), .number(0.1), .number(100), .number(-3.25), .number(1e15), .number(2.5e15),
        .number(1e16), .number(1e20), .number(1e21), .number(1e-5), .number(1.5e-7), .number(.leastNonzeroMagnitude),
        .number(2.2250738585072014e-308), .number(1.7976931348623157e308), .number(0.30000000000000004),
        .number(123456789012345680), .number(.nan), .number(.infinity), .number(-.infinity),
        .string(""), .string("plain"), .string("x/y \"quoted\" back\\slash"),
        .string(String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })),
        .string("\u{7f} é e\u{301} Ω ａ \u{2028} 😀 \r\n"),
        .array([]), .object([:]), .array([.array([]), .object([:]), .array([.int(1)])]),
        .object(["b": .array([]), "a": .object([:]), "10": .int(1), "9": .int(2), "B": .null, "a_b": .bool(true), "aB": .string("x")]),
        .object(["z": .int(0), "é": .int(1), "Ω": .int(2), "ａ": .int(3), "e\u{301}x": .int(4), "ex": .int(5), "😀": .int(6), "\n": .int(7)]),
    ]

    @Test(arguments: edgeCases)
    func edgeCaseMatchesFoundation(_ value: JSONValue) {
        #expect(value.serialized() == value.serializedByFoundation())
    }

    /// Random documents from a fixed seed: nesting, every kind of leaf, keys and strings
    /// drawn from an alphabet that includes escapes and multi-byte characters.
    @Test func randomDocumentsMatchFoundation() {
        var random = SeededGenerator(seed: 20261201)
        for _ in 0..<300 {
            let value = Self.document(depth: 4, &random)
            #expect(value.serialized() == value.serializedByFoundation())
        }
    }

    /// A streamed array sits among the other members in key order and writes exactly what
    /// the same array held as a value would: empty, one element, several; alone or not.
    @Test(arguments: [0, 1, 3])
    func streamedArrayWritesWhatTheArrayWould(count: Int) {
        let element: (Int) -> JSONValue = { .object(["i": .int($0), "s": .string("t\($0)"), "x": .array([])]) }
        for members: [String: JSONValue] in [[:], ["a": .int(1), "z": .null, "tr": .array([]), "trades_": .bool(true)]] {
            var whole = members
            whole["trades"] = .array((0..<count).map(element))
            let streamed = String(
                decoding: JSONValue.serializedObjectUTF8(members, streaming: ["trades": StreamedArray(count: count, element: element)]),
                as: UTF8.self)
            #expect(streamed == JSONValue.object(whole).serializedByFoundation())
        }
    }

    static let alphabet: [Character] = ["a", "Z", "0", "_", "-", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "é", "Ω", "😀", "\u{7f}"]

    static func document(depth: Int, _ random: inout SeededGenerator) -> JSONValue {
        let kind = random.next() % (depth > 0 ? 8 : 6)
        switch kind {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2: return .int(Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 60))
        case 3:
            // Any bit pattern: subnormals, huge and tiny exponents, NaN and infinities.
            return .number(Double(bitPattern: random.next()))
        case 4: return .number(Double(Int(random.next() % 2_000_001) - 1_000_000) / 100)
        case 5: return .string(text(&random))
        case 6: return .array((0..<Int(random.next() % 4)).map { _ in document(depth: depth - 1, &random) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int(random.next() % 5) { members[text(&random)] = document(depth: depth - 1, &random) }
            return .object(members)
        }
    }

    static func text(_ random: inout SeededGenerator) -> String {
        String((0..<Int(random.next() % 6)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }
}
