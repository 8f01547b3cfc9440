/// The language's percent text, `12.5%`, `+25%`, `-3%`, as a fraction (0.125, 0.25, -0.03).
/// One parser for strategy files and governance policies.
public enum PercentText {
    /// The fraction `text` stands for; nil when it is not a percent (or, with
    /// `requireSign`, has no leading `+` or `-`).
    public static func fraction(_ text: String, requireSign: Bool = false) -> Double? {
        guard text.hasSuffix("%") else { return nil }
        let body = text.dropLast().trimmingSpaces
        if requireSign, !(body.hasPrefix("+") || body.hasPrefix("-")) { return nil }
        guard !body.isEmpty, body.dropFirst(body.hasPrefix("+") || body.hasPrefix("-") ? 1 : 0)
            .allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Double(body.hasPrefix("+") ? String(body.dropFirst()) : String(body)), value.isFinite
        else { return nil }
        return value / 100
    }
}
