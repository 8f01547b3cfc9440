/// A closed set of words the plan format allows in one place (a trigger kind, a venue
/// kind...). Decoding refuses any other word with a message that names what was found and
/// lists what is allowed, so a typo in a hand-edited plan stops the run instead of silently
/// falling back to a default.
public protocol ClosedVocabulary: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {
    /// What one word of this vocabulary names, for messages: "trigger", "venue kind".
    static var noun: String { get }
}

extension ClosedVocabulary {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let word = try container.decode(String.self)
        guard let value = Self(rawValue: word) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown \(Self.noun) \(PlanText.quoted(word)); expected \(Self.choices)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// "band, interval, hybrid or whalley-wilmott".
    public static var choices: String {
        let words = allCases.map(\.rawValue)
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + words.last!
    }
}

/// Quoting of user text inside messages: control characters are escaped so a hostile plan
/// cannot drive the terminal, and long text is cut.
enum PlanText {
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars.prefix(80) {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        if text.unicodeScalars.count > 80 { out += "…" }
        return out + "\""
    }
}
