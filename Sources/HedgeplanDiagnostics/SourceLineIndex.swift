/// Where each line of a source text starts, found in one pass, so that quoting the line of
/// every diagnostic costs one lookup each: scanning the text from the start for every
/// diagnostic made rendering 10,000 of them take minutes (quadratic time).
struct SourceLineIndex {
    private let text: String
    /// UTF-8 offsets of each line's first byte; line n (1-based) starts at `starts[n - 1]`.
    private let starts: [Int]

    init(_ text: String) {
        self.text = text
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == 10 { starts.append(offset) }
        }
        // A final line break does not begin another line.
        if starts.count > 1 && starts.last == text.utf8.count { starts.removeLast() }
        self.starts = starts
    }

    /// Line `number` (1-based) without its line break (`\n` or `\r\n`), nil past the end.
    func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= starts.count, !text.isEmpty else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: starts[number - 1])
        var end = number < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[number] - 1) : utf8.endIndex
        if end > start, utf8[utf8.index(before: end)] == 10 { end = utf8.index(before: end) }
        if end > start, utf8[utf8.index(before: end)] == 13 { end = utf8.index(before: end) }
        return Substring(text.utf8[start..<end])
    }
}
