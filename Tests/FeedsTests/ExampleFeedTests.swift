import Foundation
import Testing
@testable import Feeds

/// The bundled example feeds parse completely, checked against an independent reading
/// (a plain line split and Foundation's parsers, not the feed's scanner).
struct ExampleFeedTests {
    struct Reference {
        var rows: Int
        var firstTimestamp: Int64
        var lastTimestamp: Int64
        var firstClose: Double
        var lastClose: Double
        var closes: [Double]
    }

    static func reference(_ path: String) throws -> Reference {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").dropFirst()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        func time(_ line: Substring) -> Int64 {
            Int64(formatter.date(from: String(line.split(separator: ",")[0]))!.timeIntervalSince1970 * 1000)
        }
        let closes = lines.map { Double($0.split(separator: ",")[4])! }
        return Reference(rows: lines.count, firstTimestamp: time(lines.first!), lastTimestamp: time(lines.last!),
                         firstClose: closes.first!, lastClose: closes.last!, closes: closes)
    }

    @Test(arguments: ["ethereum.csv", "bitcoin.csv"])
    func parsesCompletely(_ name: String) throws {
        let path = repositoryRoot + "/Examples/feeds/" + name
        let expected = try Self.reference(path)
        #expect(expected.rows == 26_279)
        let feed = try CSVFeed(path: path)
        var ticks: [Tick] = []
        while let t = try feed.next() { ticks.append(t) }
        #expect(ticks.count == 26_279)
        #expect(ticks.first?.timestamp == expected.firstTimestamp)
        #expect(ticks.last?.timestamp == expected.lastTimestamp)
        #expect(ticks.first?.timestamp == ms("2022-04-29T08:00:00Z"))
        #expect(ticks.last?.timestamp == ms("2025-04-28T07:00:00Z"))
        #expect(ticks.first?.price == expected.firstClose)
        #expect(ticks.last?.price == expected.lastClose)
        #expect(ticks.map(\.price) == expected.closes)
        #expect(feed.layout.timeColumn == 0 && feed.layout.priceColumn == 4)
        #expect(feed.timeEncoding == .text)
        #expect(feed.typicalStep == 3_600_000)
        // What the files really contain: one missing hour (2023-03-24 13:00), nothing else.
        #expect(feed.issues.total == 1)
        #expect(feed.issues.rejectedRows == 0)
        let gap = try #require(feed.issues.details.first)
        #expect(gap.kind == .gap)
        #expect(gap.line == 7_903)
        #expect(gap.message.contains("2h since line 7902"))
        #expect(ticks[7_901].flags == .afterGap)
        #expect(ticks[7_901].timestamp == ms("2023-03-24T14:00:00Z"))
        #expect(feed.lastGap == FeedGap(from: ms("2023-03-24T12:00:00Z"), to: ms("2023-03-24T14:00:00Z"), line: 7_903))
        // Also streamed in tiny chunks.
        let small = try CSVFeed(path: path, options: CSVFeedOptions(chunkSize: 97))
        var count = 0
        while let t = try small.next() { #expect(t == ticks[count]); count += 1 }
        #expect(count == 26_279)
    }

    @Test func feedSpecOpensTheExample() throws {
        var source = try FeedSpec.parse(repositoryRoot + "/Examples/feeds/ethereum.csv?time=date&price=close").makeSource()
        let first = try #require(try source.next())
        #expect(first.price == 2906.29)
    }
}
