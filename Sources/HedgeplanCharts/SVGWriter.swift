import HedgeplanFormatting

/// A minimal, deterministic SVG text builder: elements are written in call order,
/// attribute values and text are XML-escaped, numbers go through `NumberFormat` (2 decimals,
/// no locale).
public struct SVGWriter: Sendable {
    /// The document so far.
    public private(set) var output = ""

    public init(capacity: Int = 16_384) {
        output.reserveCapacity(capacity)
    }

    /// XML-escapes text for element content and attribute values: `&`, `<`, `>`, `"` and
    /// `'` become entities, and the control characters XML 1.0 forbids are dropped (tab,
    /// newline and carriage return stay).
    public static func escape(_ text: String) -> String {
        var needs = false
        for u in text.utf8 where u == 38 || u == 60 || u == 62 || u == 34 || u == 39 || u < 32 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 32 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Appends text as is (markup the caller built).
    public mutating func raw(_ text: String) {
        output += text
    }

    /// `<name a="v" ...>` (or `/>` when `close`), values escaped.
    public mutating func open(_ name: String, _ attributes: [(String, String)] = [], close: Bool = false) {
        output += "<"
        output += name
        for (key, value) in attributes {
            output += " "
            output += key
            output += "=\""
            output += Self.escape(value)
            output += "\""
        }
        output += close ? "/>\n" : ">"
    }

    /// `</name>`
    public mutating func close(_ name: String) {
        output += "</"
        output += name
        output += ">\n"
    }

    /// An element with escaped text content.
    public mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        open(name, attributes)
        output += Self.escape(text)
        close(name)
    }

    /// A `<line>`.
    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double,
                              _ attributes: [(String, String)] = []) {
        open("line", [("x1", num(x1)), ("y1", num(y1)), ("x2", num(x2)), ("y2", num(y2))] + attributes,
             close: true)
    }

    /// A `<text>` at `(x, y)`.
    public mutating func text(_ content: String, x: Double, y: Double, _ attributes: [(String, String)] = []) {
        element("text", [("x", num(x)), ("y", num(y))] + attributes, text: content)
    }

    /// A coordinate as written: at most 2 decimals.
    @inline(__always)
    public func num(_ v: Double) -> String { NumberFormat.coordinate(v) }

    /// The approximate width in pixels of `text` set at `fontSize` in a sans-serif, by
    /// character class. Used for layout only: to keep tick labels apart, make room for them
    /// and cut long titles. The figures are those of DejaVu Sans (the common fallback on
    /// Linux and among the widest sans faces), so the estimate errs on the wide side for
    /// Helvetica, Segoe UI or San Francisco.
    public static func textWidth(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for c in text.unicodeScalars {
            switch c {
            case "0"..."9": em += 0.636
            case ".", ",", ":", ";", " ": em += 0.318
            case "i", "j", "l", "!", "|", "'", "I": em += 0.28
            case "f", "t", "r", "(", ")", "[", "]", "-": em += 0.4
            case "m", "w", "M", "W", "%": em += 0.95
            case "\u{2212}", "+", "=", "<", ">", "\u{00D7}": em += 0.838
            case "A"..."Z": em += 0.72
            case "a"..."z": em += 0.6
            case "\u{00B7}": em += 0.318
            default: em += c.value > 0x2E80 ? 1.0 : 0.65
            }
        }
        return em * fontSize
    }
}

/// Builds an SVG path's `d` attribute from pixel coordinates, skipping points that round to
/// the previous one.
public struct PathBuilder: Sendable {
    public private(set) var d = ""
    private var lastX = "", lastY = ""
    private var hasPoint = false

    public init(capacity: Int = 1024) {
        d.reserveCapacity(capacity)
    }

    /// Starts a subpath.
    public mutating func move(_ x: Double, _ y: Double) {
        let sx = NumberFormat.coordinate(x), sy = NumberFormat.coordinate(y)
        if !d.isEmpty { d += " " }
        d += "M"
        d += sx
        d += " "
        d += sy
        (lastX, lastY, hasPoint) = (sx, sy, true)
    }

    /// A straight segment to `(x, y)` (a move if the path is empty).
    public mutating func line(_ x: Double, _ y: Double) {
        guard hasPoint else { move(x, y); return }
        let sx = NumberFormat.coordinate(x), sy = NumberFormat.coordinate(y)
        if sx == lastX && sy == lastY { return }
        d += "L"
        d += sx
        d += " "
        d += sy
        (lastX, lastY) = (sx, sy)
    }

    /// Closes the subpath.
    public mutating func closePath() {
        d += "Z"
        hasPoint = false
    }

    public var isEmpty: Bool { d.isEmpty }
}
