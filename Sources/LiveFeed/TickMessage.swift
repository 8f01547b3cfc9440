import Feeds

/// Parses one WebSocket text message into a `Tick`: a JSON object such as
/// `{"timestamp": 1764057600000, "price": 3000.5, "gas_gwei": 25, "iv": 0.6}`.
///
/// Fields (the first name listed wins when a message carries several):
/// - time: `timestamp`, `ts`, `time`, `t`. An epoch number (seconds, milliseconds,
///   microseconds or nanoseconds, told apart by magnitude as `TimestampParser.EpochUnit.guess`
///   does; seconds may have a fraction), an ISO 8601 / `YYYY-MM-DD HH:MM:SS` string (UTC unless
///   an offset is given), or an epoch number in a string.
/// - price: `price`, `p`, `close`, `c`. A number or a numeric string (many exchanges send
///   prices as strings); must be finite and > 0. The bare `NaN`/`Infinity` tokens that
///   Python's `json.dumps` writes are read, and rejected as bad prices.
/// - gas (gwei): `gas_gwei`, `gasGwei`, `gas`; implied volatility (annualised fraction):
///   `iv`, `implied_volatility`. Optional; `null` means absent; otherwise a finite number >= 0.
/// - Any other field is ignored (nested objects and arrays included, up to 64 levels deep).
///
/// A hand-written parser over the UTF-8 bytes (no Foundation): JSON grammar, plus the
/// non-finite tokens above.
public enum TickMessage {
    public enum Outcome: Equatable, Sendable {
        case tick(Tick)
        case rejected(FeedIssueKind, String)
    }

    static let timeKeys = ["timestamp", "ts", "time", "t"]
    static let priceKeys = ["price", "p", "close", "c"]
    static let gasKeys = ["gas_gwei", "gasGwei", "gas"]
    static let volatilityKeys = ["iv", "implied_volatility"]

    public static func parse(_ text: String) -> Outcome {
        var text = text
        return text.withUTF8 { bytes -> Outcome in
            var parser = JSONScanner(bytes)
            let fields: Fields
            do throws(JSONSyntaxError) { fields = try parser.topLevelObject() } catch {
                return .rejected(.malformedRow, "not a JSON object: \(error.message)")
            }
            return tick(from: fields)
        }
    }

    /// The fields of interest, each with the rank of the name it came under (lower wins).
    struct Fields {
        var time: (rank: Int, value: JSONScalar)?
        var price: (rank: Int, value: JSONScalar)?
        var gas: (rank: Int, value: JSONScalar)?
        var volatility: (rank: Int, value: JSONScalar)?

        mutating func offer(key: String, value: JSONScalar) {
            func take(_ slot: inout (rank: Int, value: JSONScalar)?, _ keys: [String]) {
                guard let rank = keys.firstIndex(of: key) else { return }
                if slot == nil || rank < slot!.rank { slot = (rank, value) }
            }
            take(&time, TickMessage.timeKeys)
            take(&price, TickMessage.priceKeys)
            take(&gas, TickMessage.gasKeys)
            take(&volatility, TickMessage.volatilityKeys)
        }
    }

    static func tick(from fields: Fields) -> Outcome {
        guard let time = fields.time?.value, time != .null else {
            return .rejected(.malformedRow, "no timestamp (expected one of: \(timeKeys.joined(separator: ", ")))")
        }
        guard let timestamp = timestamp(time) else {
            return .rejected(.badTimestamp, "timestamp \(time) is not an epoch number or an ISO 8601 date-time")
        }
        guard let priceValue = fields.price?.value, priceValue != .null else {
            return .rejected(.malformedRow, "no price (expected one of: \(priceKeys.joined(separator: ", ")))")
        }
        guard let price = number(priceValue) else {
            return .rejected(.malformedRow, "price \(priceValue) is not a number")
        }
        guard price > 0 && price < .infinity else {
            return .rejected(.badPrice, price.isNaN ? "price is NaN" : price.isInfinite ? "price is infinite" : "price \(priceValue) is not positive")
        }
        guard Tick.plausiblePrices.contains(price) else {
            return .rejected(.badPrice, "price \(priceValue) is outside the plausible range 1e-12 to 1e12 QUOTE per BASE")
        }
        var gas: Double?
        if let g = fields.gas?.value, g != .null {
            guard let v = number(g), v >= 0, v < .infinity else {
                return .rejected(.malformedRow, "gas \(g) is not a finite number >= 0")
            }
            gas = v
        }
        var iv: Double?
        if let s = fields.volatility?.value, s != .null {
            guard let v = number(s), v >= 0, v < .infinity else {
                return .rejected(.malformedRow, "implied volatility \(s) is not a finite number >= 0")
            }
            iv = v
        }
        return .tick(Tick(timestamp: timestamp, price: price, gasGwei: gas, impliedVolatility: iv))
    }

    /// A number, or a string holding one (`"3000.5"`, `"NaN"`).
    static func number(_ value: JSONScalar) -> Double? {
        switch value {
        case .number(let text): return Double(text)
        case .nonFinite(let v): return v
        case .string(let s):
            let t = s.trimmingSpaces()
            if t == "NaN" || t == "nan" { return .nan }
            guard !t.isEmpty, t.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }) else { return nil }
            return Double(t)
        default: return nil
        }
    }

    /// Milliseconds since the epoch from an epoch number (unit by magnitude) or a date-time string.
    static func timestamp(_ value: JSONScalar) -> Int64? {
        switch value {
        case .number(let text): return epoch(text)
        case .string(let s):
            let t = s.trimmingSpaces()
            if let v = TimestampParser.parseText(t) { return v }
            return epoch(t)
        default: return nil
        }
    }

    private static func epoch(_ text: String) -> Int64? {
        if let integer = Int64(text) {
            guard integer >= 0 else { return nil }
            switch TimestampParser.EpochUnit.guess(forMagnitude: integer) {
            case .seconds: return integer * 1_000 // below 1e11, so no overflow
            case .milliseconds: return integer
            case .microseconds: return integer / 1_000
            case .nanoseconds: return integer / 1_000_000
            }
        }
        // A fraction or an exponent: seconds with a fraction, most likely (1764057600.25).
        guard let v = Double(text), v.isFinite, v >= 0, v < 9e18 else { return nil }
        let unit = TimestampParser.EpochUnit.guess(forMagnitude: Int64(v))
        let perMillisecond: Double = switch unit {
        case .seconds: 1e-3
        case .milliseconds: 1
        case .microseconds: 1e3
        case .nanoseconds: 1e6
        }
        return Int64((v / perMillisecond).rounded(.down))
    }
}

/// A JSON value, as far as ticks care: scalars kept as text or value, containers skipped.
enum JSONScalar: Equatable, CustomStringConvertible {
    /// The number's text, as written (validated against the JSON grammar).
    case number(String)
    /// `NaN`, `Infinity` or `-Infinity` (not JSON, but what Python writes).
    case nonFinite(Double)
    case string(String)
    case bool(Bool)
    case null
    /// An object or an array (skipped).
    case container

    var description: String {
        switch self {
        case .number(let t): t
        case .nonFinite(let v): v.isNaN ? "NaN" : v > 0 ? "Infinity" : "-Infinity"
        case .string(let s): "\"\(s.count > 40 ? s.prefix(40) + "…" : Substring(s))\""
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .container: "an object or array"
        }
    }
}

struct JSONSyntaxError: Error {
    var message: String
}

/// A recursive-descent scanner over UTF-8 bytes for one JSON text whose top level is an object.
struct JSONScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    static let maxDepth = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func topLevelObject() throws(JSONSyntaxError) -> TickMessage.Fields {
        skipSpace()
        guard i < bytes.count else { throw JSONSyntaxError(message: "empty message") }
        guard bytes[i] == UInt8(ascii: "{") else { throw fail("expected `{`") }
        i += 1
        var fields = TickMessage.Fields()
        skipSpace()
        if peek(UInt8(ascii: "}")) { i += 1 } else {
            while true {
                skipSpace()
                guard peek(UInt8(ascii: "\"")) else { throw fail("expected a field name in double quotes") }
                let key = try string()
                skipSpace()
                guard peek(UInt8(ascii: ":")) else { throw fail("expected `:` after \"\(key)\"") }
                i += 1
                let value = try value(depth: 1)
                fields.offer(key: key, value: value)
                skipSpace()
                if peek(UInt8(ascii: ",")) { i += 1; continue }
                if peek(UInt8(ascii: "}")) { i += 1; break }
                throw fail("expected `,` or `}`")
            }
        }
        skipSpace()
        guard i == bytes.count else { throw fail("text after the closing `}`") }
        return fields
    }

    private func fail(_ what: String) -> JSONSyntaxError {
        if i >= bytes.count { return JSONSyntaxError(message: "\(what), found the end of the message") }
        let found = bytes[i]
        let shown = found >= 0x20 && found < 0x7f ? "`\(Character(Unicode.Scalar(found)))`" : "byte 0x\(String(found, radix: 16))"
        return JSONSyntaxError(message: "\(what) at byte \(i + 1), found \(shown)")
    }

    private func peek(_ c: UInt8) -> Bool { i < bytes.count && bytes[i] == c }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
        for k in 0..<n where bytes[i + k] != w[k] { return false }
        i += n
        return true
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONScalar {
        skipSpace()
        guard i < bytes.count else { throw fail("expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipContainer(depth: depth)
            return .container
        case UInt8(ascii: "t"): if literal("true") { return .bool(true) }
        case UInt8(ascii: "f"): if literal("false") { return .bool(false) }
        case UInt8(ascii: "n"): if literal("null") { return .null }
        case UInt8(ascii: "N"): if literal("NaN") { return .nonFinite(.nan) }
        case UInt8(ascii: "I"): if literal("Infinity") { return .nonFinite(.infinity) }
        case UInt8(ascii: "-"):
            if literal("-Infinity") { return .nonFinite(-.infinity) }
            return .number(try number())
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: break
        }
        throw fail("expected a value")
    }

    private mutating func skipContainer(depth: Int) throws(JSONSyntaxError) {
        guard depth < Self.maxDepth else { throw fail("nested deeper than \(Self.maxDepth) levels") }
        let isObject = bytes[i] == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        i += 1
        skipSpace()
        if peek(close) { i += 1; return }
        while true {
            skipSpace()
            if isObject {
                guard peek(UInt8(ascii: "\"")) else { throw fail("expected a field name in double quotes") }
                _ = try string()
                skipSpace()
                guard peek(UInt8(ascii: ":")) else { throw fail("expected `:`") }
                i += 1
            }
            _ = try value(depth: depth + 1)
            skipSpace()
            if peek(UInt8(ascii: ",")) { i += 1; continue }
            if peek(close) { i += 1; return }
            throw fail(isObject ? "expected `,` or `}`" : "expected `,` or `]`")
        }
    }

    private mutating func digits() -> Int {
        let start = i
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
        return i - start
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, returned as text.
    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = i
        if peek(UInt8(ascii: "-")) { i += 1 }
        let intStart = i
        guard digits() > 0 else { throw fail("expected a digit") }
        if bytes[intStart] == UInt8(ascii: "0") && i - intStart > 1 { i = intStart + 1; throw fail("leading zero in a number") }
        if peek(UInt8(ascii: ".")) {
            i += 1
            guard digits() > 0 else { throw fail("expected a digit after `.`") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            i += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { i += 1 }
            guard digits() > 0 else { throw fail("expected a digit in the exponent") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("expected 4 hex digits after \\u") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw fail("expected a hex digit after \\u")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    /// A double-quoted string with its escapes decoded (invalid UTF-8 is repaired, not rejected).
    private mutating func string() throws(JSONSyntaxError) -> String {
        i += 1 // opening quote
        let start = i
        // Fast path: no escapes.
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") {
            guard bytes[i] >= 0x20 else { throw fail("control character in a string") }
            i += 1
        }
        guard i < bytes.count else { throw fail("unterminated string") }
        if bytes[i] == UInt8(ascii: "\"") {
            defer { i += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }
        var out = [UInt8](bytes[start..<i])
        while true {
            guard i < bytes.count else { throw fail("unterminated string") }
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; break }
            guard c >= 0x20 else { throw fail("control character in a string") }
            guard c == UInt8(ascii: "\\") else { out.append(c); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw fail("unterminated string") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00, i + 6 <= bytes.count,
                   bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    i += 2
                    let low = try hex4()
                    scalar = low >= 0xDC00 && low < 0xE000 ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default:
                i -= 1
                throw fail("unknown escape `\\\(Character(Unicode.Scalar(e)))`")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (no Foundation).
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
