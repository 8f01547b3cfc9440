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

    /// The file the error is about.
    public var path: String {
        switch self {
        case .cannotOpen(let path, _), .readFailed(let path, _), .unrecognizedHeader(let path, _, _, _),
             .newestFirst(let path, _, _, _, _), .unreadableStart(let path, _):
            return path
        }
    }

    /// The 1-based line the error is on, when there is one.
    public var line: Int? {
        switch self {
        case .unrecognizedHeader(_, let line, _, _), .newestFirst(_, let line, _, _, _): return line
        default: return nil
        }
    }

    /// Whether the file could not be read at all (an I/O failure, exit 74 on the command
    /// line) rather than read and found unusable (exit 1).
    public var isReadFailure: Bool {
        switch self {
        case .cannotOpen, .readFailed: return true
        default: return false
        }
    }

    /// The description without the leading `PATH:` or `PATH:LINE:`, for renderers that
    /// print the location themselves.
    public var message: String {
        let prefix = line.map { "\(path):\($0): " } ?? "\(path): "
        let text = description
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

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
