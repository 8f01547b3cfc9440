/// The language described as data: every mapping's fields, with their value forms and
/// ranges. One description serves the decoder (unknown keys, "did you mean", required
/// keys, ranges) and `hedgeplan schema` (the JSON Schema editors use), so they cannot
/// drift apart.
public indirect enum ValueShape: Sendable {
    case integer(Bounds)
    case number(Bounds)
    /// `65%` or a plain fraction `0.65`; bounds apply to the fraction.
    case percent(Bounds)
    /// `+25%`, `-30%`.
    case relativeChange
    /// `+25%`/`-30%`, or an absolute level (a number).
    case spotShock
    /// `+20pt`, `-10pt` (volatility points) or `+40%` (relative).
    case volatilityShock
    /// `30s`, `5m`, `1h`, `7d`, `1y`; positive, at most `max`.
    case duration(max: TimeSpan)
    /// ISO 8601 UTC instant.
    case instant
    /// A duration or an instant.
    case expiry
    /// `2700`, `"+10%"`, `atm`, `{ delta: 0.25 }`.
    case strike
    /// `25 gwei`.
    case gasPrice
    case bool
    case string(StringFormat)
    case choice([String])
    /// `[low, high]` numbers with low <= high.
    case band
    /// `[low, high]` prices with 0 < low < high.
    case priceRange
    case list(ValueShape)
    /// A fixed-length list whose items have names (`strikes: [long, short]`).
    case tuple(ValueShape, names: [String])
    case object(ObjectShape)
    /// A choice among named mappings: a mapping with exactly one of these keys.
    case oneKeyOf([ObjectShape])
    /// Any of several forms (a name, or a mapping with parameters).
    case anyOf([ValueShape])
}

/// Numeric limits. Every number in the language is finite; the bounds reject negative and
/// absurd values with a message that names the limit.
public struct Bounds: Sendable {
    public var min: Double?
    public var max: Double?
    public var minExclusive: Bool

    public init(min: Double? = nil, max: Double? = nil, minExclusive: Bool = false) {
        self.min = min
        self.max = max
        self.minExclusive = minExclusive
    }

    /// Strictly positive, at most `max`.
    public static func positive(max: Double) -> Bounds { Bounds(min: 0, max: max, minExclusive: true) }
    /// Zero or more, at most `max`.
    public static func nonNegative(max: Double) -> Bounds { Bounds(min: 0, max: max) }

    public func contains(_ value: Double) -> Bool {
        if let min, minExclusive ? value <= min : value < min { return false }
        if let max, value > max { return false }
        return true
    }
}

public struct Field: Sendable {
    public var name: String
    public var shape: ValueShape
    public var required: Bool
    /// One line for editors' hover text; says the unit.
    public var summary: String

    public init(_ name: String, _ shape: ValueShape, required: Bool = false, _ summary: String) {
        self.name = name
        self.shape = shape
        self.required = required
        self.summary = summary
    }
}

/// A mapping of the language and the keys it takes.
public struct ObjectShape: Sendable {
    /// Unique name, used for the schema's definitions (`market`, `template.iron-condor`).
    public var name: String
    public var summary: String
    public var fields: [Field]

    public init(_ name: String, _ summary: String, _ fields: [Field]) {
        self.name = name
        self.summary = summary
        self.fields = fields
    }

    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }
}

/// The forms a plain string may take. Each has a JSON Schema pattern for editors and a
/// matcher for the decoder (no regular expression engine on the hot path).
public enum StringFormat: Sendable {
    /// Free text.
    case text
    /// `[a-z0-9]+(-[a-z0-9]+)*`: strategy names.
    case slug
    /// `[A-Za-z0-9][A-Za-z0-9._-]*`: leg ids and venue names.
    case identifier
    /// `BASE/QUOTE` in upper-case letters and digits.
    case pair
    /// An upper-case token symbol.
    case symbol

    public var pattern: String? {
        switch self {
        case .text: return nil
        case .slug: return "^[a-z0-9]+(-[a-z0-9]+)*$"
        case .identifier: return "^[A-Za-z0-9][A-Za-z0-9._-]*$"
        case .pair: return "^[A-Z0-9]+/[A-Z0-9]+$"
        case .symbol: return "^[A-Z0-9]+$"
        }
    }

    /// What a user reads in "must be ...".
    public var summary: String {
        switch self {
        case .text: return "text"
        case .slug: return "a slug of lower-case letters, digits and single dashes, like `eth-weekly-condor`"
        case .identifier: return "an identifier of letters, digits, `.`, `_` and `-`"
        case .pair: return "BASE/QUOTE in upper case, like `ETH/USDC`"
        case .symbol: return "an upper-case token symbol, like `ETH`"
        }
    }

    public func matches(_ text: String) -> Bool {
        let b = Array(text.utf8)
        func upperOrDigit(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 48 && c <= 57) }
        func lowerOrDigit(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
        switch self {
        case .text:
            return true
        case .slug:
            guard let first = b.first, let last = b.last, lowerOrDigit(first), lowerOrDigit(last) else { return false }
            return b.allSatisfy { lowerOrDigit($0) || $0 == 45 } && !text.contains("--")
        case .identifier:
            guard let first = b.first, upperOrDigit(first) || lowerOrDigit(first) else { return false }
            return b.allSatisfy { upperOrDigit($0) || lowerOrDigit($0) || $0 == 46 || $0 == 95 || $0 == 45 }
        case .pair:
            let parts = b.split(separator: 47, omittingEmptySubsequences: false)
            return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(upperOrDigit) }
        case .symbol:
            return !b.isEmpty && b.allSatisfy(upperOrDigit)
        }
    }
}
