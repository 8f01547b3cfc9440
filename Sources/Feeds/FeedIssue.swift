/// What went wrong with one row of a feed (or a gap between two rows).
public enum FeedIssueKind: Int, CaseIterable, Sendable, CustomStringConvertible {
    /// Too few fields, or a field that is not a number where one is needed.
    case malformedRow
    /// The time field does not parse (or has a different form than the file's first row).
    case badTimestamp
    /// The price is NaN, infinite, zero or negative.
    case badPrice
    /// The timestamp is earlier than the previous accepted row's.
    case timestampBackwards
    /// The timestamp equals the previous accepted row's.
    case duplicateTimestamp
    /// The row is longer than `CSVFeedOptions.maxLineLength` bytes.
    case lineTooLong
    /// The row is good, but follows a gap: reported, and the row is kept.
    case gap
    /// The price moved by a factor of more than `CSVFeed.outlierPriceFactor` from the
    /// previous accepted row's, and the next row did not confirm the move.
    case priceOutlier
    /// The timestamp is so far beyond the feed's step (a year 9999 row in a minute
    /// feed) that taking it would make every later row go backwards.
    case timeLeap

    public var description: String {
        switch self {
        case .malformedRow: "malformed row"
        case .badTimestamp: "bad timestamp"
        case .badPrice: "bad price"
        case .timestampBackwards: "timestamp going backwards"
        case .duplicateTimestamp: "duplicate timestamp"
        case .lineTooLong: "line too long"
        case .gap: "gap"
        case .priceOutlier: "price outlier"
        case .timeLeap: "time leap"
        }
    }

    /// Whether a row with this issue is dropped (every kind but `gap`).
    public var rejectsRow: Bool { self != .gap }
}

/// One reported problem: where (1-based line, and column when known) and why.
public struct FeedIssue: Equatable, Sendable, CustomStringConvertible {
    /// 1-based line number in the file (the header is line 1 in a file without banner).
    public var line: Int
    /// 1-based column (field) number, when the problem is in one field.
    public var column: Int?
    public var kind: FeedIssueKind
    public var message: String

    public init(line: Int, column: Int?, kind: FeedIssueKind, message: String) {
        self.line = line
        self.column = column
        self.kind = kind
        self.message = message
    }

    /// `LINE[:COLUMN]: kind: message`.
    public var description: String {
        "\(line)\(column.map { ":\($0)" } ?? ""): \(kind): \(message)"
    }
}

/// Counts every issue and keeps the details of the first `maxDetails`, so memory stays
/// bounded on a file where every row is bad.
public struct FeedIssueLog: Equatable, Sendable {
    /// How many issue details are kept; counts are always complete.
    public let maxDetails: Int
    /// The first `maxDetails` issues, in file order.
    public private(set) var details: [FeedIssue] = []
    private var counts = [Int](repeating: 0, count: FeedIssueKind.allCases.count)

    public init(maxDetails: Int = 1_000) {
        self.maxDetails = max(0, maxDetails)
    }

    /// Records an issue (its details only while fewer than `maxDetails` are kept).
    public mutating func record(_ issue: FeedIssue) {
        counts[issue.kind.rawValue] += 1
        if details.count < maxDetails { details.append(issue) }
    }

    /// Issues of one kind seen so far.
    public func count(of kind: FeedIssueKind) -> Int { counts[kind.rawValue] }
    /// All issues seen so far, gaps included.
    public var total: Int { counts.reduce(0, +) }
    /// Rows dropped (every issue but gaps).
    public var rejectedRows: Int { total - count(of: .gap) }
    /// The first row dropped, if its details were kept: often why a feed yields nothing.
    public var firstRejectedRow: FeedIssue? { details.first { $0.kind.rejectsRow } }
    /// `N data rows were rejected, the first: kind: message`, or nil when none was: the
    /// clause a message adds when a history gave too little to work with.
    public var rejectionSummary: String? {
        firstRejectedRow.map { Self.rejectionSummary(rows: rejectedRows, first: $0) }
    }

    /// The same clause from its parts (an error that kept the count and the first row).
    public static func rejectionSummary(rows: Int, first: FeedIssue) -> String {
        "\(rows) data row\(rows == 1 ? " was" : "s were") rejected, the first: \(first.kind): \(first.message)"
    }
    /// `N bad rows skipped; the first: ...` at the first one's line, or nil when no row was:
    /// what a command warns before it fits or resamples a history without those rows.
    public var skippedRowsWarning: (line: Int, message: String)? {
        Self.skippedRowsWarning(rows: rejectedRows, first: firstRejectedRow)
    }

    /// The same warning from its parts (a sample that kept the count and the first row).
    public static func skippedRowsWarning(rows: Int, first: FeedIssue?) -> (line: Int, message: String)? {
        guard let first else { return nil }
        return (first.line, "\(rows) bad row\(rows == 1 ? "" : "s") skipped; the first: \(first.kind): \(first.message)")
    }

    /// Issues counted but whose details were not kept.
    public var omittedDetails: Int { total - details.count }
    public var isEmpty: Bool { total == 0 }
}
