/// A place in a source file: 1-based line and column (column counted in Unicode scalars,
/// as libyaml and editors count them).
///
/// `line == 0` means the file as a whole (a file that cannot be read has no line).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The whole file, for problems that have no line (a missing or unreadable file).
    public static func wholeFile(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    public var isWholeFile: Bool { line == 0 }

    /// `PATH:LINE:COLUMN`, or `PATH` for the whole file.
    public var description: String {
        isWholeFile ? file : "\(file):\(line):\(column)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
