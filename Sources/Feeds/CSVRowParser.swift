/// How a file writes its time column, decided once per file from its first data row.
public enum TimeEncoding: Equatable, Sendable, CustomStringConvertible {
    /// Integer (or decimal seconds) epoch values in one unit.
    case epoch(TimestampParser.EpochUnit)
    /// One of the text forms of `TimestampParser.parseText` (ISO 8601, `YYYY-MM-DD HH:MM:SS`).
    case text

    public var description: String {
        switch self {
        case .epoch(let unit): "epoch \(unit)"
        case .text: "date-time text (ISO 8601 / YYYY-MM-DD HH:MM:SS, UTC unless an offset is given)"
        }
    }
}

/// Parses one CSV line (without its `\n`) into a tick, given the file's layout and time
/// encoding. Stateless and allocation-free for good rows; only a rejected row builds a
/// message. Order and gap checks need the previous row and live in `CSVFeed`.
///
/// Fields: separated by the layout's delimiter; spaces (and tabs, unless tab is the
/// delimiter) around a field are ignored; a field may be quoted (`"3000.5"`, with `""` for
/// a quote inside), but a quoted field cannot span lines. Only the needed columns are
/// parsed; the rest of the line is not looked at.
struct CSVRowParser: Sendable {
    let delimiter: UInt8
    let timeColumn: Int
    let priceColumn: Int
    /// -1 when the file has no such column.
    let gasColumn: Int
    let impliedVolatilityColumn: Int
    let volumeColumn: Int
    /// The last column that must be present.
    let lastColumn: Int
    var time: TimeEncoding

    init(layout: HeaderLayout, time: TimeEncoding) {
        delimiter = layout.delimiter
        timeColumn = layout.timeColumn
        priceColumn = layout.priceColumn
        gasColumn = layout.gasColumn ?? -1
        impliedVolatilityColumn = layout.impliedVolatilityColumn ?? -1
        volumeColumn = layout.volumeColumn ?? -1
        lastColumn = max(timeColumn, priceColumn, gasColumn, impliedVolatilityColumn, volumeColumn)
        self.time = time
    }

    enum Outcome {
        case tick(Tick)
        case blank
        case rejected(FeedIssueKind, column: Int?, message: String)
    }

    @inline(__always)
    private func isSpace(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || (c == UInt8(ascii: "\t") && delimiter != UInt8(ascii: "\t"))
    }

    /// Parses [start, end). A trailing `\r` is ignored.
    @inline(__always)
    func parse(_ start: UnsafePointer<UInt8>, _ lineEnd: UnsafePointer<UInt8>) -> Outcome {
        var end = lineEnd
        if end > start && end[-1] == UInt8(ascii: "\r") { end -= 1 }
        if start == end || (isSpace(start.pointee) && Self.isBlank(start, end)) { return .blank }
        var p = start
        var column = 0
        var timestamp: Int64 = 0
        var price = 0.0
        var gas: Double? = nil
        var iv: Double? = nil
        var volume: Double? = nil
        while true {
            // One field: content [fs, fe), then p at the delimiter or the end.
            var fs = p
            var fe: UnsafePointer<UInt8>
            if fs < end && isSpace(fs.pointee) {
                while fs < end && isSpace(fs.pointee) { fs += 1 }
            }
            if fs < end && fs.pointee == UInt8(ascii: "\"") {
                fs += 1
                var q = fs
                while true {
                    while q < end && q.pointee != UInt8(ascii: "\"") { q += 1 }
                    if q + 1 < end && q[1] == UInt8(ascii: "\"") { q += 2; continue }
                    break
                }
                if q >= end {
                    return .rejected(.malformedRow, column: column + 1, message: "unterminated quoted field")
                }
                fe = q
                p = q + 1
                while p < end && isSpace(p.pointee) { p += 1 }
                if p < end && p.pointee != delimiter {
                    return .rejected(.malformedRow, column: column + 1, message: "text after the closing quote")
                }
            } else {
                p = fs
                while p < end && p.pointee != delimiter { p += 1 }
                fe = p
                while fe > fs && isSpace(fe[-1]) { fe -= 1 }
            }
            if column == timeColumn {
                switch time {
                case .epoch(let unit):
                    guard let v = NumberParser.parseEpoch(fs, fe), v.digits <= unit.maximumDigits else {
                        return .rejected(.badTimestamp, column: column + 1,
                                         message: "`\(Self.text(fs, fe))` is not an epoch timestamp (\(unit), the form of the file's first data row)")
                    }
                    timestamp = TimestampParser.milliseconds(integer: v.integer, fractionMilliseconds: v.fractionMilliseconds, unit: unit)
                case .text:
                    guard let v = TimestampParser.parseText(fs, fe) else {
                        return .rejected(.badTimestamp, column: column + 1,
                                         message: "`\(Self.text(fs, fe))` is not a date-time (expected ISO 8601 or YYYY-MM-DD HH:MM:SS, the form of the file's first data row)")
                    }
                    timestamp = v
                }
            } else if column == priceColumn {
                guard let v = NumberParser.parseDouble(fs, fe) else {
                    return .rejected(.malformedRow, column: column + 1, message: Self.notANumber("price", Self.text(fs, fe)))
                }
                guard v > 0 && v < .infinity else {
                    return .rejected(.badPrice, column: column + 1,
                                     message: v.isNaN ? "price is NaN" : v.isInfinite ? "price is infinite" : "price \(Self.text(fs, fe)) is not positive")
                }
                guard Tick.plausiblePrices.contains(v) else {
                    return .rejected(.badPrice, column: column + 1,
                                     message: "price \(Self.text(fs, fe)) is outside the plausible range 1e-12 to 1e12 QUOTE per BASE")
                }
                price = v
            } else if column == gasColumn || column == impliedVolatilityColumn || column == volumeColumn {
                if fs != fe {
                    guard let v = NumberParser.parseDouble(fs, fe), v >= 0, v < .infinity else {
                        let what = column == gasColumn ? "gas" : column == volumeColumn ? "volume" : "implied volatility"
                        return .rejected(.malformedRow, column: column + 1,
                                         message: "\(what) `\(Self.text(fs, fe))` is not a finite number >= 0")
                    }
                    if column == gasColumn { gas = v } else if column == volumeColumn { volume = v } else { iv = v }
                }
            }
            if column == lastColumn { break }
            if p >= end {
                if Self.isBlank(start, end) { return .blank }
                return .rejected(.malformedRow, column: nil,
                                 message: "\(column + 1) field\(column == 0 ? "" : "s"), expected at least \(lastColumn + 1)")
            }
            p += 1
            column += 1
        }
        return .tick(Tick(timestamp: timestamp, price: price, gasGwei: gas, impliedVolatility: iv, volume: volume))
    }

    static func isBlank(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        var p = start
        while p < end {
            let c = p.pointee
            if c != UInt8(ascii: " ") && c != UInt8(ascii: "\t") && c != UInt8(ascii: "\r") { return false }
            p += 1
        }
        return true
    }

    /// Why a field is not a number, with the likely cause when it is a decimal comma
    /// (`3010,25`, as spreadsheets write numbers in much of Europe).
    static func notANumber(_ what: String, _ text: String) -> String {
        guard !text.isEmpty else { return "empty \(what)" }
        let decimalComma = text.split(separator: ",", omittingEmptySubsequences: false).count == 2
            && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "," || $0 == "-" || $0 == "+") }
        let hint = decimalComma ? " (a decimal comma? write `\(String(text.map { $0 == "," ? "." : $0 }))`)" : ""
        return "\(what) `\(text)` is not a number\(hint)"
    }

    /// The bytes as text for a message, shortened to 60 characters.
    static func text(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> String {
        let n = min(end - start, 60)
        let s = String(decoding: UnsafeBufferPointer(start: start, count: n), as: UTF8.self)
        return end - start > n ? s + "..." : s
    }
}
