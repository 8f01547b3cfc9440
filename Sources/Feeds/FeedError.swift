/// Why a feed cannot be read at all. Bad rows are not errors (see `FeedIssue`); these are
/// the cases where running would be wrong: unreadable file, unknown layout, wrong order.
public enum FeedError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)
    /// No line that looks like a header or a data row in the first lines of the file.
    case unrecognizedHeader(path: String, line: Int, header: String, reason: String)
    /// The first data rows run newest-first.
    case newestFirst(path: String, line: Int, first: String, second: String, headerLines: Int)
    /// The first line longer than the sniffing window, or the file is not text.
    case unreadableStart(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open: \(reason)"
        case .readFailed(let path, let reason):
            return "\(path): read failed: \(reason)"
        case .unrecognizedHeader(let path, let line, let header, let reason):
            return "\(path):\(line): the header `\(header)` fits no known layout (\(reason)). "
                + "Pass a column mapping naming the time and price columns (by name or 1-based number): "
                + "`--feed '\(path)?time=<column>&price=<column>'`, or from Swift "
                + "`CSVFeedOptions(mapping: ColumnMapping(time: .name(\"...\"), price: .name(\"...\")))`."
        case .newestFirst(let path, let line, let first, let second, let headerLines):
            return "\(path):\(line): the rows run newest-first (\(first) on line \(line), then \(second)); "
                + "a feed must run oldest first, and this file is not reversed silently. Reverse its data rows, "
                + "keeping the \(headerLines) line\(headerLines == 1 ? "" : "s") above them, for example: "
                + "`(head -n \(headerLines) '\(path)'; tail -n +\(headerLines + 1) '\(path)' | tac) > oldest-first.csv`"
        case .unreadableStart(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
