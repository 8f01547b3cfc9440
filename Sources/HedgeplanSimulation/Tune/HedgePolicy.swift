/// A candidate delta-hedge policy as the strategy language writes it: the `hedge.delta`
/// section's fields in order, each value as written (`band: 0.5`, `interval: 4h`). `tune`
/// substitutes it into the strategy (`HedgeDeltaEdit`) and compiles the result, so a
/// candidate means exactly what the same text in a strategy means.
public struct HedgePolicy: Equatable, Sendable, Codable {
    public enum Value: Equatable, Sendable {
        /// A number, a word or a duration, written as is.
        case text(String)
        /// A nested mapping (`adapt: { volatility: ewma }`).
        case mapping([(String, Value)])

        public static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case (.text(let x), .text(let y)): x == y
            case (.mapping(let x), .mapping(let y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
            default: false
            }
        }
    }

    public var fields: [(String, Value)]

    public init(_ fields: [(String, Value)]) { self.fields = fields }

    /// Encoded as a list of `[key, value]` pairs (order matters), a value a string or such a list.
    public init(from decoder: Decoder) throws {
        fields = Self.decodeFields(try decoder.singleValueContainer().decode([FieldCoding].self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Self.encodeFields(fields))
    }

    private indirect enum FieldCoding: Codable {
        case text(String, String)
        case mapping(String, [FieldCoding])

        init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            let key = try c.decode(String.self)
            if let text = try? c.decode(String.self) { self = .text(key, text) } else { self = .mapping(key, try c.decode([FieldCoding].self)) }
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.unkeyedContainer()
            switch self {
            case .text(let k, let t): try c.encode(k); try c.encode(t)
            case .mapping(let k, let m): try c.encode(k); try c.encode(m)
            }
        }
    }

    private static func encodeFields(_ fields: [(String, Value)]) -> [FieldCoding] {
        fields.map { key, value in
            switch value {
            case .text(let t): .text(key, t)
            case .mapping(let m): .mapping(key, encodeFields(m))
            }
        }
    }

    private static func decodeFields(_ coded: [FieldCoding]) -> [(String, Value)] {
        coded.map {
            switch $0 {
            case .text(let k, let t): (k, .text(t))
            case .mapping(let k, let m): (k, .mapping(decodeFields(m)))
            }
        }
    }

    public static func == (a: HedgePolicy, b: HedgePolicy) -> Bool {
        a.fields.map(\.0) == b.fields.map(\.0) && a.fields.map(\.1) == b.fields.map(\.1)
    }

    /// `trigger`'s word.
    public var trigger: String {
        if case .text(let t)? = fields.first(where: { $0.0 == "trigger" })?.1 { return t }
        return ""
    }

    /// `{ target: 0, trigger: band, band: 0.5 }`.
    public var flowText: String { Self.flow(fields) }

    private static func flow(_ fields: [(String, Value)]) -> String {
        "{ " + fields.map { key, value in
            switch value {
            case .text(let t): "\(key): \(t)"
            case .mapping(let m): "\(key): \(flow(m))"
            }
        }.joined(separator: ", ") + " }"
    }
}
