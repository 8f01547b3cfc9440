/// An sRGB colour written as `#rrggbb` in SVG.
public struct Color: Sendable, Hashable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour from a 24-bit literal such as `0x0072B2`.
    public init(hex: UInt32) {
        self.init(red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF), blue: UInt8(hex & 0xFF))
    }

    /// `#rrggbb`, lower case: the form written into the SVG.
    public var description: String {
        let digits: [Character] = Array("0123456789abcdef")
        var s = "#"
        for byte in [red, green, blue] {
            s.append(digits[Int(byte >> 4)])
            s.append(digits[Int(byte & 0x0F)])
        }
        return s
    }
}

/// The colours of a chart: a light, sober theme with a colour-blind-safe series cycle.
///
/// The series colours are the Okabe-Ito set (distinguishable under the common colour-vision
/// deficiencies), ordered so that the first few are the most distinct from each other.
/// Profit is Okabe-Ito's bluish green and loss Paul Tol's vibrant red: they differ in
/// lightness and blue content, so they stay apart for deuteranopes and protanopes, unlike a
/// pure green/red pair; the shading is also split by the zero line, so colour is never the
/// only cue.
public struct Palette: Sendable, Hashable {
    public var background: Color
    public var text: Color
    public var mutedText: Color
    public var grid: Color
    public var axis: Color
    public var zeroLine: Color
    public var reference: Color
    public var breakeven: Color
    public var profit: Color
    public var loss: Color
    /// Fill opacity of profit and loss shading, 0...1.
    public var shadingOpacity: Double
    /// Colours given to series in order when a series has none of its own.
    public var series: [Color]

    /// The default light theme.
    public static let standard = Palette(
        background: Color(hex: 0xFFFFFF),
        text: Color(hex: 0x1F2328),
        mutedText: Color(hex: 0x59636E),
        grid: Color(hex: 0xE6E8EB),
        axis: Color(hex: 0x8C959F),
        zeroLine: Color(hex: 0x57606A),
        reference: Color(hex: 0x8C959F),
        breakeven: Color(hex: 0x6E40AA),
        profit: Color(hex: 0x009E73),
        loss: Color(hex: 0xCC3311),
        shadingOpacity: 0.16,
        series: [
            Color(hex: 0x0072B2),  // blue
            Color(hex: 0xD55E00),  // vermillion
            Color(hex: 0x009E73),  // bluish green
            Color(hex: 0xCC79A7),  // reddish purple
            Color(hex: 0xE69F00),  // orange
            Color(hex: 0x56B4E9),  // sky blue
            Color(hex: 0x333333),  // near black
        ])

    /// The colour of the `index`-th series without its own colour (cycles).
    public func seriesColor(_ index: Int) -> Color {
        series.isEmpty ? text : series[index % series.count]
    }
}
