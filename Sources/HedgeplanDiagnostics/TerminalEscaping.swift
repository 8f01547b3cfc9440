/// Makes text from an input file safe to print on a terminal: control characters and
/// escape sequences (from a CSV header, a YAML value, a plan's name) are shown as visible
/// escapes (`\e`, `\x07`, `\u{9B}`) instead of being sent to the terminal, where they could
/// move the cursor, change colours, retitle the window or hide the rest of a message.
public enum TerminalEscaping {
    /// `text` with every C0 and C1 control character and DEL escaped; tab is kept when
    /// `keepTabs` (a quoted source line needs its tabs to line the caret up).
    public static func escaped(_ text: some StringProtocol, keepTabs: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepTabs: keepTabs) }) else { return String(text) }
        var out = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepTabs: keepTabs) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x1B: out += "\\e"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x80:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            default: out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return out
    }

    /// A multi-line text report (a run's or an analysis' text, which quotes names from
    /// the plan or the strategy) with its line breaks and tabs kept and every other control
    /// character escaped.
    public static func escapedKeepingLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { escaped($0, keepTabs: true) }
            .joined(separator: "\n")
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepTabs: Bool) -> Bool {
        let v = scalar.value
        if v == 0x09 { return !keepTabs }
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v)
    }
}
