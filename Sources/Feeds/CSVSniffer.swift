/// Reads the start of a CSV file (the first `CSVFeedOptions.sniffBytes`) to decide, before
/// streaming, everything that must hold for the whole file:
/// - where the header is, skipping banner lines above it (a line that is neither a header
///   nor a data row and has a different number of fields, such as
///   `https://www.CryptoDataDownload.com`), each with a note;
/// - the layout (`HeaderLayout`), or an error naming the header when none fits;
/// - the time encoding, from the first data row: text, or epoch in a unit told by magnitude;
/// - the order: a file whose first three data rows run newest-first is rejected with the
///   command that reverses it (reversing in the reader would need the whole file or a
///   backwards scan; an explicit error keeps runs honest and memory flat);
/// - the typical step: the median of the positive steps among the first 64 data rows, the
///   base of gap detection.
struct CSVSniffer {
    struct Result {
        var layout: HeaderLayout
        var time: TimeEncoding
        /// 1-based line of the first data row candidate (lines before it are not data).
        var firstDataLine: Int
        var typicalStep: Int64?
        var notes: [String]
    }

    static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// Lines of the prefix with their 1-based numbers, BOM and `\r` removed. A last line cut
    /// by the window is dropped unless the window holds the whole file.
    static func lines(of bytes: [UInt8], wholeFile: Bool) -> [(number: Int, bytes: ArraySlice<UInt8>)] {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var result: [(Int, ArraySlice<UInt8>)] = []
        var number = 0
        var i = start
        while i < bytes.count {
            var j = i
            while j < bytes.count && bytes[j] != 10 { j += 1 }
            if j == bytes.count && !wholeFile { break }
            number += 1
            var e = j
            if e > i && bytes[e - 1] == 13 { e -= 1 }
            result.append((number, bytes[i..<e]))
            i = j + 1
        }
        return result
    }

    /// The most frequent delimiter outside quotes (comma when none occurs).
    static func delimiter(of line: ArraySlice<UInt8>) -> UInt8 {
        var counts = [Int](repeating: 0, count: delimiters.count)
        var quoted = false
        for c in line {
            if c == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if !quoted, let k = delimiters.firstIndex(of: c) { counts[k] += 1 }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] }!
        return counts[best] > 0 ? delimiters[best] : UInt8(ascii: ",")
    }

    /// Fields as text, unquoted and trimmed (for header names and messages).
    static func fields(of line: ArraySlice<UInt8>, delimiter: UInt8) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        var quoted = false
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == UInt8(ascii: "\"") {
                if quoted && i + 1 < line.endIndex && line[i + 1] == UInt8(ascii: "\"") { current.append(c); i += 2; continue }
                quoted.toggle()
            } else if c == delimiter && !quoted {
                result.append(trim(current)); current = []
            } else {
                current.append(c)
            }
            i += 1
        }
        result.append(trim(current))
        return result
    }

    private static func trim(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingSpaces()
    }

    /// Parses a line with a row parser.
    static func parse(_ line: ArraySlice<UInt8>, with parser: CSVRowParser) -> CSVRowParser.Outcome {
        line.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return .blank }
            return parser.parse(base, base + b.count)
        }
    }

    /// The encoding of a time field's text: epoch (unit by magnitude) or date-time text.
    static func timeEncoding(of field: String) -> TimeEncoding? {
        if let v = field.withUTF8String({ b in NumberParser.parseEpoch(b.baseAddress!, b.baseAddress! + b.count) }) {
            return .epoch(.guess(forMagnitude: v.integer))
        }
        if TimestampParser.parseText(field) != nil { return .text }
        return nil
    }

    static func sniff(prefix: [UInt8], wholeFile: Bool, path: String, options: CSVFeedOptions) throws -> Result {
        if let reason = unsupportedEncoding(prefix) { throw FeedError.unreadableStart(path: path, reason: reason) }
        let all = lines(of: prefix, wholeFile: wholeFile)
        if all.isEmpty && !wholeFile {
            throw FeedError.unreadableStart(path: path, reason: "no line break in the first \(prefix.count) bytes: not a CSV file, or its first line is too long")
        }
        let mapping = options.mapping
        var notes: [String] = []
        var skipped: [(number: Int, text: String, fieldCount: Int)] = []
        var found: (index: Int, layout: HeaderLayout)?
        var nonBlankSeen = 0
        for (k, line) in all.enumerated() {
            if line.bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            nonBlankSeen += 1
            if nonBlankSeen > options.maxBannerLines + 1 { break }
            let delimiter = delimiter(of: line.bytes)
            let fields = fields(of: line.bytes, delimiter: delimiter)
            // A line that reads as data is data (a header's time field never parses as a time);
            // otherwise it may be the header.
            if let layout = HeaderLayout.headerless(columnCount: fields.count, delimiter: delimiter, mapping: mapping),
               let encoding = timeEncoding(of: fields[layout.timeColumn]),
               case .tick = parse(line.bytes, with: CSVRowParser(layout: layout, time: encoding)) {
                found = (k, layout); break
            }
            if let layout = HeaderLayout.detect(header: fields, delimiter: delimiter, mapping: mapping) {
                found = (k, layout); break
            }
            skipped.append((line.number, String(decoding: line.bytes, as: UTF8.self), fields.count))
        }
        guard let found else {
            let header = skipped.first { $0.fieldCount >= 2 } ?? skipped.first
            guard let header else {
                throw FeedError.unreadableStart(path: path, reason: "the file has no header and no data rows")
            }
            throw FeedError.unrecognizedHeader(path: path, line: header.number, header: String(header.text.prefix(200)),
                                               reason: reason(header: header.text, mapping: mapping))
        }
        var layout = found.layout
        let columnCount = layout.hasHeader ? layout.columnNames.count
            : fields(of: all[found.index].bytes, delimiter: layout.delimiter).count
        for s in skipped {
            if s.fieldCount >= 2 && s.fieldCount == columnCount && !layout.hasHeader {
                // Same shape as the data: this is the header, and it was not recognised.
                throw FeedError.unrecognizedHeader(path: path, line: s.number, header: String(s.text.prefix(200)),
                                                   reason: reason(header: s.text, mapping: mapping))
            }
            notes.append("skipped line \(s.number) above the \(layout.hasHeader ? "header" : "data") (not a header or a data row): `\(s.text.prefix(80))`")
        }
        let headerLine = all[found.index].number
        let firstDataIndex = layout.hasHeader ? found.index + 1 : found.index
        let firstDataLine = layout.hasHeader ? headerLine + 1 : headerLine
        if layout.hasHeader { layout.summary += " (header on line \(headerLine))" }
        notes.append(layout.summary)

        // Time encoding from the first data row whose time field reads in either form.
        var encoding: TimeEncoding?
        for line in all[firstDataIndex...] {
            let fs = fields(of: line.bytes, delimiter: layout.delimiter)
            guard layout.timeColumn < fs.count, let e = timeEncoding(of: fs[layout.timeColumn]) else { continue }
            encoding = e
            notes.append("timestamps: \(e), decided from the first data row (line \(line.number): `\(fs[layout.timeColumn])`); every row is read that way")
            break
        }
        let time = encoding ?? .text

        // First data rows: order and typical step.
        let parser = CSVRowParser(layout: layout, time: time)
        var ticks: [(line: Int, timestamp: Int64)] = []
        for line in all[firstDataIndex...] {
            if case .tick(let t) = parse(line.bytes, with: parser) { ticks.append((line.number, t.timestamp)) }
            if ticks.count == 64 { break }
        }
        if ticks.count >= 2 {
            let n = min(3, ticks.count)
            if (1..<n).allSatisfy({ ticks[$0].timestamp < ticks[$0 - 1].timestamp }) {
                throw FeedError.newestFirst(path: path, line: ticks[0].line,
                                            first: TimestampFormatter.iso8601(ticks[0].timestamp),
                                            second: "\(TimestampFormatter.iso8601(ticks[1].timestamp)) on line \(ticks[1].line)",
                                            headerLines: firstDataLine - 1)
            }
        }
        var steps: [Int64] = []
        for i in 1..<max(1, ticks.count) where ticks[i].timestamp > ticks[i - 1].timestamp {
            steps.append(ticks[i].timestamp - ticks[i - 1].timestamp)
        }
        steps.sort()
        let typical = options.expectedStep ?? (steps.isEmpty ? nil : steps[steps.count / 2])
        if let typical {
            let threshold = Int64((Double(typical) * options.gapFactor).rounded(.down))
            notes.append("typical step \(TimestampFormatter.duration(typical))\(options.expectedStep == nil ? " (median of the first \(steps.count) steps)" : " (given)"); a step longer than \(TimestampFormatter.duration(threshold)) (\(options.gapFactor)x) is reported as a gap")
        } else {
            notes.append("too few rows to learn the typical step: no gap detection")
        }
        return Result(layout: layout, time: time, firstDataLine: firstDataLine, typicalStep: typical, notes: notes)
    }

    /// Why the bytes are not text this reader can split into lines, or nil: UTF-16 or
    /// UTF-32 (by their byte-order mark, or by NUL bytes at every other position, which is
    /// what ASCII text in UTF-16 looks like), other NUL bytes (a binary file), or lines
    /// that end with a carriage return only (classic Mac OS), which the streaming scanner
    /// does not split: each says how to convert the file.
    static func unsupportedEncoding(_ prefix: [UInt8]) -> String? {
        let sample = prefix.prefix(4096)
        func convert(_ encoding: String) -> String {
            "the file is \(encoding) text; feeds must be UTF-8: convert it first, for example `iconv -f \(encoding) -t UTF-8 FILE > FILE-utf8.csv`"
        }
        if sample.starts(with: [0xFF, 0xFE, 0, 0]) { return convert("UTF-32LE") }
        if sample.starts(with: [0, 0, 0xFE, 0xFF]) { return convert("UTF-32BE") }
        if sample.starts(with: [0xFF, 0xFE]) { return convert("UTF-16LE") }
        if sample.starts(with: [0xFE, 0xFF]) { return convert("UTF-16BE") }
        let nuls = sample.filter { $0 == 0 }.count
        if nuls > 0 {
            let base = sample.startIndex
            let evenNuls = sample.indices.filter { ($0 - base) % 2 == 0 && sample[$0] == 0 }.count
            let oddNuls = nuls - evenNuls
            let half = sample.count / 2
            if half > 0 && oddNuls * 10 >= half * 8 && evenNuls * 10 < half { return convert("UTF-16LE") }
            if half > 0 && evenNuls * 10 >= half * 8 && oddNuls * 10 < half { return convert("UTF-16BE") }
            let offset = sample.firstIndex(of: 0)! - base
            return "the file contains NUL bytes (the first at byte \(offset)): it is binary, not CSV text"
        }
        if !sample.contains(10) && sample.contains(13) {
            return "the file's lines end with a carriage return only (classic Mac OS line endings), which this reader does not split: convert them first, for example `tr '\\r' '\\n' < FILE > FILE-lf.csv`"
        }
        return nil
    }

    /// Why a header did not fit: which column was not found.
    static func reason(header: String, mapping: ColumnMapping) -> String {
        let delimiter = delimiter(of: ArraySlice(header.utf8))
        let fs = fields(of: ArraySlice(header.utf8), delimiter: delimiter)
        let names = fs.map(HeaderLayout.normalise)
        var parts: [String] = []
        func check(_ ref: ColumnReference?, _ known: [String], _ what: String) {
            if let ref {
                if HeaderLayout.resolve(ref, names: names, columnCount: fs.count) == nil {
                    parts.append("the mapping's \(what) column \(ref) is not in it")
                }
            } else if !known.contains(where: names.contains) {
                parts.append("no \(what) column: looked for \(known.prefix(8).joined(separator: ", "))")
            }
        }
        check(mapping.time, HeaderLayout.timeNames, "time")
        check(mapping.price, HeaderLayout.priceNames, "price")
        if let g = mapping.gasGwei { check(g, [], "gas") }
        if let v = mapping.impliedVolatility { check(v, [], "implied volatility") }
        if let v = mapping.volume { check(v, [], "volume") }
        if fs.count < 2 { parts.append("only one field") }
        return parts.isEmpty ? "the time and price columns are the same" : parts.joined(separator: "; ")
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }

    func withUTF8String<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R?) -> R? {
        var copy = self
        return copy.withUTF8 { b in b.count == 0 ? nil : body(b) }
    }
}
