/// A candidate delta-hedge policy as the strategy language writes it: the `hedge.delta`
/// section's fields in order, each value as written (`band: 0.5`, `interval: 4h`). `tune`
/// substitutes it into the strategy (`HedgeDeltaEdit`) and compiles the result, so a
/// candidate means exactly what the same text in a strategy means.
public struct HedgePolicy: Equatable, Sendable {
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
