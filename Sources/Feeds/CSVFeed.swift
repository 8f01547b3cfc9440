#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How `CSVFeed` reads a file. The defaults suit real files; tests shrink `chunkSize` to
/// force rows across chunk boundaries.
public struct CSVFeedOptions: Sendable {
    /// Columns to use instead of detection (any member left nil is detected).
    public var mapping: ColumnMapping
    /// Bytes read per `read` call. Memory is one buffer of `chunkSize + maxLineLength` bytes.
    public var chunkSize: Int
    /// Longer lines are reported (`lineTooLong`) and skipped.
    public var maxLineLength: Int
    /// A step longer than `gapFactor` x the typical step is a gap. 1.5 reports every missing
    /// bar of a regular series; raise it for irregular (trade-by-trade) feeds.
    public var gapFactor: Double
    /// The typical step in milliseconds, instead of the median of the first rows' steps.
    public var expectedStep: Int64?
    /// Issue details kept (all issues are counted).
    public var maxIssueDetails: Int
    /// Non-header lines tolerated above the header (banners), each skipped with a note.
    public var maxBannerLines: Int
    /// Bytes read up front to find the header, the time encoding, the order and the step.
    public var sniffBytes: Int

    public init(mapping: ColumnMapping = ColumnMapping(), chunkSize: Int = 1 << 20, maxLineLength: Int = 64 << 10,
                gapFactor: Double = 1.5, expectedStep: Int64? = nil, maxIssueDetails: Int = 1_000,
                maxBannerLines: Int = 5, sniffBytes: Int = 64 << 10) {
        self.mapping = mapping
        self.chunkSize = max(1, chunkSize)
        self.maxLineLength = max(16, maxLineLength)
        self.gapFactor = gapFactor
        self.expectedStep = expectedStep
        self.maxIssueDetails = maxIssueDetails
        self.maxBannerLines = maxBannerLines
        self.sniffBytes = max(256, sniffBytes)
    }
}

/// Ticks from a CSV file, streamed: the file is read in `chunkSize` chunks into one
/// fixed buffer and scanned byte by byte in place (no per-row allocation, memory flat
/// whatever the file's length). Rows split across chunks, CRLF, a UTF-8 BOM, quoted fields
/// and blank lines are handled.
///
/// Before streaming, `CSVSniffer` reads the start of the file for the layout, the time
/// encoding, the order (newest-first files are rejected) and the typical step; `notes` says
/// what it decided. While streaming, a bad row is counted in `issues` with its line and
/// reason and skipped: malformed, bad timestamp, NaN/infinite/non-positive price, a
/// timestamp not later than the previous good row's. A step longer than `gapFactor` x the
/// typical step is a gap: counted, the row kept and flagged `.afterGap`, and `lastGap` set.
public final class CSVFeed: TickSource {
    /// The file's path (or the name given to in-memory bytes), for messages.
    public let path: String
    public let layout: HeaderLayout
    public let timeEncoding: TimeEncoding
    /// The typical step in ms (nil when the file has too few rows to tell).
    public let typicalStep: Int64?
    public private(set) var notes: [String]
    public private(set) var issues: FeedIssueLog
    public private(set) var lastGap: FeedGap?
    /// Good rows returned so far.
    public var ticksRead: Int { cursor.ticksRead }
    /// Lines read so far (the 1-based number of the last line consumed).
    public var linesRead: Int { cursor.line }

    /// Hot state in one struct, so `next()` touches one stored property of the class.
    private struct Cursor {
        var start = 0
        var end = 0
        var line = 0
        var endOfFile = false
        var discardingLongLine = false
        var byteOrderMarkChecked = false
        var lastTimestamp = Int64.min
        var lastPrice = 0.0
        var lastLine = 0
        var ticksRead = 0
        /// The timestamp of the last row rejected as a time leap (`Int64.min`: none since
        /// the last accepted row). A row that follows it closely confirms a real gap.
        var leapCandidate = Int64.min
        /// The price of the last row rejected as an outlier (0: none since the last
        /// accepted row). A row close to it confirms a real move.
        var outlierCandidate = 0.0
    }

    private let reader: ByteChunkReader
    private let buffer: UnsafeMutablePointer<UInt8>
    private let chunkSize: Int
    private let maxLineLength: Int
    private let parser: CSVRowParser
    private let firstDataLine: Int
    private let gapThreshold: Int64
    /// A step longer than this (ms) is a time leap, not a gap (`Int64.max`: no check).
    private let leapThreshold: Int64
    private var cursor = Cursor()

    /// A price more than this many times (or less than 1/this) the previous row's is an
    /// outlier: two orders of magnitude, far beyond any market's move between two rows.
    public static let outlierPriceFactor = 100.0
    /// A step longer than this many typical steps, and longer than
    /// `minimumLeapMilliseconds`, is a time leap.
    public static let leapSteps: Int64 = 1_000
    /// 30 days: no step shorter than this is ever a leap, however short the feed's step.
    public static let minimumLeapMilliseconds: Int64 = 30 * 86_400_000

    /// Opens a file. Throws `FeedError` when it cannot be opened, its layout is unknown, or it
    /// runs newest-first.
    public convenience init(path: String, options: CSVFeedOptions = CSVFeedOptions()) throws {
        try self.init(reader: FileChunkReader(path: path), path: path, options: options)
    }

    /// Reads bytes in memory as if they were a file called `name`.
    public convenience init(bytes: [UInt8], name: String = "<memory>", options: CSVFeedOptions = CSVFeedOptions()) throws {
        try self.init(reader: MemoryChunkReader(bytes: bytes), path: name, options: options)
    }

    /// Reads text in memory as if it were a file called `name`.
    public convenience init(text: String, name: String = "<memory>", options: CSVFeedOptions = CSVFeedOptions()) throws {
        try self.init(bytes: Array(text.utf8), name: name, options: options)
    }

    private init(reader: ByteChunkReader, path: String, options: CSVFeedOptions) throws {
        let prefix = try reader.prefix(options.sniffBytes)
        let sniffed = try CSVSniffer.sniff(prefix: prefix, wholeFile: prefix.count < options.sniffBytes,
                                           path: path, options: options)
        self.reader = reader
        self.path = path
        self.layout = sniffed.layout
        self.timeEncoding = sniffed.time
        self.typicalStep = sniffed.typicalStep
        self.notes = sniffed.notes
        self.issues = FeedIssueLog(maxDetails: options.maxIssueDetails)
        self.parser = CSVRowParser(layout: sniffed.layout, time: sniffed.time)
        self.firstDataLine = sniffed.firstDataLine
        self.chunkSize = options.chunkSize
        self.maxLineLength = options.maxLineLength
        if let step = sniffed.typicalStep, options.gapFactor.isFinite, options.gapFactor > 0 {
            self.gapThreshold = Int64((Double(step) * options.gapFactor).rounded(.down))
        } else {
            self.gapThreshold = .max
        }
        if let step = sniffed.typicalStep, step > 0 {
            let (steps, overflow) = step.multipliedReportingOverflow(by: Self.leapSteps)
            self.leapThreshold = overflow ? .max : max(steps, Self.minimumLeapMilliseconds)
        } else {
            self.leapThreshold = .max
        }
        self.buffer = .allocate(capacity: options.chunkSize + options.maxLineLength)
    }

    deinit { buffer.deallocate() }

    /// The next good row as a tick, or nil at the end of the file. Throws only on I/O errors.
    public func next() throws -> Tick? {
        // The hot state lives in a local copy for the whole call: stored properties of a class
        // are checked for exclusive access at run time on every access, a local is not.
        var c = cursor
        defer { cursor = c }
        while true {
            if c.start < c.end, !c.discardingLongLine, c.byteOrderMarkChecked,
               let found = memchr(buffer + c.start, 10, c.end - c.start) {
                let newline = found.assumingMemoryBound(to: UInt8.self)
                let lineStart = UnsafePointer(buffer + c.start)
                c.start = newline - buffer + 1
                c.line += 1
                if c.line < firstDataLine { continue }
                if let tick = accept(parser.parse(lineStart, UnsafePointer(newline)), &c) { return tick }
                continue
            }
            cursor = c
            let step = try slowPath()
            c = cursor
            switch step {
            case .again: continue
            case .endOfFile: return nil
            case .tick(let tick): return tick
            }
        }
    }

    private enum SlowStep { case again, endOfFile, tick(Tick) }

    /// Everything but "a whole line is in the buffer": BOM, refills, long lines, the last
    /// line without `\n`.
    private func slowPath() throws -> SlowStep {
        if !cursor.byteOrderMarkChecked {
            if cursor.end - cursor.start < 3 && !cursor.endOfFile { try refill(); return .again }
            if cursor.end - cursor.start >= 3 && buffer[cursor.start] == 0xEF && buffer[cursor.start + 1] == 0xBB
                && buffer[cursor.start + 2] == 0xBF { cursor.start += 3 }
            cursor.byteOrderMarkChecked = true
            return .again
        }
        if cursor.discardingLongLine {
            if let found = memchr(buffer + cursor.start, 10, cursor.end - cursor.start) {
                cursor.start = found.assumingMemoryBound(to: UInt8.self) - buffer + 1
                cursor.discardingLongLine = false
                return .again
            }
            cursor.start = 0
            cursor.end = 0
            if cursor.endOfFile { return .endOfFile }
            try refill()
            return .again
        }
        if cursor.endOfFile {
            guard cursor.start < cursor.end else { return .endOfFile }
            // The last line has no line break.
            let lineStart = UnsafePointer(buffer + cursor.start)
            let lineEnd = UnsafePointer(buffer + cursor.end)
            cursor.start = cursor.end
            cursor.line += 1
            if cursor.line >= firstDataLine, let tick = accept(parser.parse(lineStart, lineEnd), &cursor) {
                return .tick(tick)
            }
            return .again
        }
        try refill()
        return .again
    }

    /// Moves the unread part of the current line to the front and reads one more chunk.
    private func refill() throws {
        let remaining = cursor.end - cursor.start
        if cursor.start > 0 {
            if remaining > 0 { memmove(buffer, buffer + cursor.start, remaining) }
            cursor.start = 0
            cursor.end = remaining
        }
        if cursor.end >= maxLineLength {
            cursor.line += 1
            if cursor.line >= firstDataLine {
                issues.record(FeedIssue(line: cursor.line, column: nil, kind: .lineTooLong,
                                        message: "longer than \(maxLineLength) bytes; skipped"))
            }
            cursor.discardingLongLine = true
            cursor.start = 0
            cursor.end = 0
        }
        let n = try reader.read(into: buffer + cursor.end, count: chunkSize)
        if n == 0 { cursor.endOfFile = true } else { cursor.end += n }
    }

    /// Applies the order and gap checks to a parsed row.
    @inline(__always)
    private func accept(_ outcome: CSVRowParser.Outcome, _ c: inout Cursor) -> Tick? {
        switch outcome {
        case .tick(var tick):
            let last = c.lastTimestamp
            if tick.timestamp <= last {
                reject(tick, last: last, c)
                return nil
            }
            if last != .min && isOutlier(tick, &c) { return nil }
            if last != .min && tick.timestamp &- last > gapThreshold {
                recordGap(from: last, to: tick.timestamp, c)
                tick.flags.insert(.afterGap)
            }
            c.lastTimestamp = tick.timestamp
            c.lastPrice = tick.price
            c.leapCandidate = .min
            c.outlierCandidate = 0
            c.lastLine = c.line
            c.ticksRead += 1
            return tick
        case .blank:
            return nil
        case .rejected(let kind, let column, let message):
            issues.record(FeedIssue(line: c.line, column: column, kind: kind, message: message))
            return nil
        }
    }

    /// A row that leaps far beyond the feed's step, or whose price jumps by orders of
    /// magnitude, is rejected (with its line) unless the row before it was rejected the
    /// same way and this one follows it closely: two rows that agree are a real gap or a
    /// real move, and the second is kept (only the first of them is lost).
    private func isOutlier(_ tick: Tick, _ c: inout Cursor) -> Bool {
        let last = c.lastTimestamp
        if tick.timestamp &- last > leapThreshold {
            let confirmed = c.leapCandidate != .min && tick.timestamp > c.leapCandidate
                && tick.timestamp &- c.leapCandidate <= leapThreshold
            if !confirmed {
                c.leapCandidate = tick.timestamp
                issues.record(FeedIssue(line: c.line, column: parser.timeColumn + 1, kind: .timeLeap,
                                        message: "\(TimestampFormatter.iso8601(tick.timestamp)) is \(TimestampFormatter.duration(tick.timestamp &- last)) after line \(c.lastLine) (\(TimestampFormatter.iso8601(last))), more than \(Self.leapSteps) typical steps of \(TimestampFormatter.duration(typicalStep ?? 0)); row skipped"))
                return true
            }
        }
        let ratio = tick.price / c.lastPrice
        if ratio > Self.outlierPriceFactor || ratio < 1 / Self.outlierPriceFactor {
            let candidateRatio = tick.price / c.outlierCandidate
            let confirmed = c.outlierCandidate > 0 && candidateRatio <= Self.outlierPriceFactor
                && candidateRatio >= 1 / Self.outlierPriceFactor
            if !confirmed {
                c.outlierCandidate = tick.price
                issues.record(FeedIssue(line: c.line, column: parser.priceColumn + 1, kind: .priceOutlier,
                                        message: "price \(tick.price) is \(ratio > 1 ? "more than \(Int(Self.outlierPriceFactor)) times" : "less than 1/\(Int(Self.outlierPriceFactor)) of") the price on line \(c.lastLine) (\(c.lastPrice)); row skipped"))
                return true
            }
        }
        return false
    }

    private func reject(_ tick: Tick, last: Int64, _ c: Cursor) {
        let kind: FeedIssueKind = tick.timestamp == last ? .duplicateTimestamp : .timestampBackwards
        let message = tick.timestamp == last
            ? "\(TimestampFormatter.iso8601(tick.timestamp)) repeats the timestamp of line \(c.lastLine); row skipped"
            : "\(TimestampFormatter.iso8601(tick.timestamp)) is earlier than \(TimestampFormatter.iso8601(last)) on line \(c.lastLine); row skipped"
        issues.record(FeedIssue(line: c.line, column: parser.timeColumn + 1, kind: kind, message: message))
    }

    private func recordGap(from: Int64, to: Int64, _ c: Cursor) {
        lastGap = FeedGap(from: from, to: to, line: c.line)
        issues.record(FeedIssue(line: c.line, column: parser.timeColumn + 1, kind: .gap,
                                message: "\(TimestampFormatter.duration(to - from)) since line \(c.lastLine) (\(TimestampFormatter.iso8601(from)) to \(TimestampFormatter.iso8601(to))); typical step \(TimestampFormatter.duration(typicalStep ?? 0)); row kept"))
    }
}
