import Testing
@testable import Feeds

struct CSVFeedTests {
    static let hourly = """
        timestamp,price
        2024-01-01T00:00:00Z,100
        2024-01-01T01:00:00Z,101
        2024-01-01T02:00:00Z,102
        2024-01-01T03:00:00Z,103

        """

    // MARK: Encodings and framing

    @Test func crlfBomAndBlankLines() throws {
        let text = "\u{FEFF}timestamp,price\r\n\r\n1704067200,1\r\n   \r\n1704070800,2\r\n\r\n"
        let (ticks, feed) = try readAll(text)
        #expect(ticks.map(\.price) == [1, 2])
        #expect(feed.issues.isEmpty)
    }

    @Test func bomOnAHeaderlessFile() throws {
        let (ticks, _) = try readAll("\u{FEFF}1704067200,1\n1704070800,2\n", options: CSVFeedOptions(chunkSize: 1))
        #expect(ticks.map(\.price) == [1, 2])
    }

    @Test func lastLineWithoutLineBreak() throws {
        let (ticks, _) = try readAll("timestamp,price\n1704067200,1\n1704070800,2")
        #expect(ticks.map(\.price) == [1, 2])
    }

    @Test func quotedFields() throws {
        let text = "timestamp,price,note\n\"1704067200\",\"1.5\",\"a, b\"\n1704070800, \"2\" ,x\n1704074400,\"3\"x,y\n1704078000,\"4\n"
        let (ticks, feed) = try readAll(text)
        #expect(ticks.map(\.price) == [1.5, 2])
        #expect(feed.issues.details.map(\.line) == [4, 5])
        #expect(feed.issues.details.map(\.kind) == [.malformedRow, .malformedRow])
    }

    /// Every chunk size from 1 byte up gives the same ticks and issues as one big chunk:
    /// rows, CRLFs and the BOM split across chunk boundaries at every position.
    @Test(arguments: [1, 2, 3, 5, 7, 8, 13, 16, 31, 64])
    func chunkBoundaries(_ chunkSize: Int) throws {
        var text = "\u{FEFF}timestamp,price,gas_gwei\r\n"
        for i in 0..<200 {
            text += "\(1_704_067_200 + i * 60),\(3000 + Double(i) * 0.25),\(i % 7)\r\n"
            if i == 50 { text += "bad row\r\n" }
            if i == 100 { text += "\r\n" }
        }
        let reference = try readAll(text)
        let small = try readAll(text, options: CSVFeedOptions(chunkSize: chunkSize, maxLineLength: 64))
        #expect(reference.ticks.count == 200)
        #expect(small.ticks == reference.ticks)
        #expect(small.feed.issues == reference.feed.issues)
        #expect(small.feed.issues.details.map(\.line) == [53])
        #expect(small.feed.linesRead == reference.feed.linesRead)
    }

    @Test func longLinesAreSkippedWithTheirLine() throws {
        let long = String(repeating: "9", count: 500)
        let text = "timestamp,price\n1704067200,1\n1704070800,\(long)\n1704074400,3\n"
        let (ticks, feed) = try readAll(text, options: CSVFeedOptions(chunkSize: 4, maxLineLength: 100))
        #expect(ticks.map(\.price) == [1, 3])
        #expect(feed.issues.details.map(\.kind) == [.lineTooLong])
        #expect(feed.issues.details.first?.line == 3)
    }

    // MARK: Banner and order

    @Test func bannerAboveTheHeaderIsSkippedWithANote() throws {
        let text = "https://www.CryptoDataDownload.com\nunix,date,symbol,open,high,low,close,Volume ETH,Volume USDT,tradecount\n"
            + "1704067200000,2024-01-01 00:00:00,ETHUSDT,1,2,0.5,1.5,1,1,1\n1704070800000,2024-01-01 01:00:00,ETHUSDT,1,2,0.5,1.6,1,1,1\n"
        let (ticks, feed) = try readAll(text)
        #expect(ticks.map(\.price) == [1.5, 1.6])
        #expect(feed.notes.contains { $0.contains("skipped line 1") && $0.contains("CryptoDataDownload") })
        #expect(feed.notes.contains { $0.contains("header on line 2") })
    }

    @Test func unrecognisedHeaderAboveDataIsAnErrorNotABanner() {
        // Same number of fields as the data: this is a header we do not know, not a banner.
        #expect(throws: FeedError.self) { try readAll("zeit,preis\n1704067200,1\n") }
    }

    @Test func newestFirstIsRejectedWithTheFix() {
        let text = "https://www.CryptoDataDownload.com\nunix,close\n1704074400,3\n1704070800,2\n1704067200,1\n"
        do {
            _ = try readAll(text)
            Issue.record("expected an error")
        } catch let error as FeedError {
            guard case .newestFirst(_, let line, _, _, let headerLines) = error else { Issue.record("\(error)"); return }
            #expect(line == 3)
            #expect(headerLines == 2)
            #expect(error.description.contains("tail -n +3"))
        } catch { Issue.record("\(error)") }
    }

    @Test func oneBackwardsRowAtTheStartIsNotNewestFirst() throws {
        let (ticks, feed) = try readAll("t,price\n1704074400,9\n1704067200,1\n1704070800,2\n1704078000,3\n")
        #expect(ticks.map(\.price) == [9, 3])
        #expect(feed.issues.count(of: .timestampBackwards) == 2)
    }

    // MARK: Bad rows

    @Test func everyBadRowKindWithItsLine() throws {
        let text = """
            timestamp,price,gas_gwei
            1704067200,100,1
            1704070800,abc,1
            1704074400,nan,1
            1704078000,-5,1
            1704081600,0,1
            1704085200,inf,1
            2024-01-01T00:00:00Z,100,1
            1704088800
            1704092400,100,lots
            1704096000,101,1
            1704092400,102,1
            1704096000,103,1
            1704099600,,1
            1704103200,104,1

            """
        let (ticks, feed) = try readAll(text, options: CSVFeedOptions(expectedStep: 3_600_000))
        #expect(ticks.map(\.price) == [100, 101, 104])
        let expected: [(Int, Int?, FeedIssueKind)] = [
            (3, 2, .malformedRow), (4, 2, .badPrice), (5, 2, .badPrice), (6, 2, .badPrice), (7, 2, .badPrice),
            (8, 1, .badTimestamp), (9, nil, .malformedRow), (10, 3, .malformedRow),
            (11, 1, .gap), (12, 1, .timestampBackwards), (13, 1, .duplicateTimestamp), (14, 2, .malformedRow), (15, 1, .gap),
        ]
        let got = feed.issues.details.map { ($0.line, $0.column, $0.kind) }
        #expect(got.count == expected.count)
        for (g, e) in zip(got, expected) {
            #expect(g.0 == e.0 && g.1 == e.1 && g.2 == e.2, "\(g) vs \(e)")
        }
        #expect(feed.issues.rejectedRows == 11)
        #expect(feed.issues.details[1].message == "price is NaN")
        #expect(feed.issues.details[3].message.contains("not positive"))
        #expect(feed.issues.details[8].message.contains("8h since line 2"))
        #expect(feed.issues.details[9].message.contains("line 11"))
        #expect(feed.ticksRead == 3)
    }

    /// A spreadsheet's decimal comma (a `;`-separated export) is named as the likely cause;
    /// other non-numbers get no hint.
    @Test func aDecimalCommaIsNamed() throws {
        let text = "timestamp;price\n1704067200;3010,25\n1704070800;30x1\n1704074400;\n1704078000;3011\n"
        let (ticks, feed) = try readAll(text)
        #expect(ticks.map(\.price) == [3011])
        #expect(feed.issues.details.map(\.message) == [
            "price `3010,25` is not a number (a decimal comma? write `3010.25`)",
            "price `30x1` is not a number",
            "empty price",
        ])
    }

    @Test func issueDetailsAreBoundedButCountsAreNot() throws {
        var text = "timestamp,price\n"
        for i in 0..<5_000 { text += "\(1_704_067_200 + i),\(i % 2 == 0 ? "x" : "1")\n" }
        let (ticks, feed) = try readAll(text, options: CSVFeedOptions(maxIssueDetails: 10))
        #expect(ticks.count == 2_500)
        #expect(feed.issues.count(of: .malformedRow) == 2_500)
        #expect(feed.issues.details.count == 10)
        #expect(feed.issues.omittedDetails == 2_490)
    }

    // MARK: Gaps

    @Test func gapsAreFlaggedCountedAndExposed() throws {
        let text = "timestamp,price\n" + [0, 1, 2, 3, 4, 7, 8, 9, 20].map { "\(1_704_067_200 + $0 * 3_600),\(100 + $0)" }.joined(separator: "\n") + "\n"
        let feed = try CSVFeed(text: text)
        #expect(feed.typicalStep == 3_600_000)
        var flagged: [Int64] = []
        var gapsSeen: [FeedGap] = []
        while let t = try feed.next() {
            if t.flags.contains(.afterGap) { flagged.append((t.timestamp / 1000 - 1_704_067_200) / 3_600); gapsSeen.append(feed.lastGap!) }
        }
        #expect(flagged == [7, 20])
        #expect(gapsSeen.map(\.duration) == [3 * 3_600_000, 11 * 3_600_000])
        #expect(gapsSeen.map(\.line) == [7, 10])
        #expect(feed.issues.count(of: .gap) == 2)
        #expect(feed.issues.rejectedRows == 0)
        #expect(feed.ticksRead == 9)
    }

    @Test func gapFactorAndExpectedStep() throws {
        let text = "timestamp,price\n" + [0, 1, 2, 4, 5].map { "\(1_704_067_200 + $0 * 60),1" }.joined(separator: "\n")
        #expect(try readAll(text).feed.issues.count(of: .gap) == 1)
        #expect(try readAll(text, options: CSVFeedOptions(gapFactor: 3)).feed.issues.count(of: .gap) == 0)
        #expect(try readAll(text, options: CSVFeedOptions(expectedStep: 1_000)).feed.issues.count(of: .gap) == 4)
    }

    // MARK: Notes and errors

    @Test func notesSayWhatWasDecided() throws {
        let feed = try CSVFeed(text: "timestamp,price\n1704067200000,1\n1704067260000,2\n")
        #expect(feed.timeEncoding == .epoch(.milliseconds))
        #expect(feed.notes.contains { $0.contains("epoch milliseconds") && $0.contains("line 2") })
        #expect(feed.notes.contains { $0.contains("typical step 1m") })
    }

    @Test func epochUnitIsDecidedOnceForTheFile() throws {
        // The first row is in seconds; a millisecond value later is too long for seconds.
        let (ticks, feed) = try readAll("timestamp,price\n1704067200,1\n1704067260000,2\n1704067320,3\n")
        #expect(ticks.map(\.price) == [1, 3])
        #expect(feed.issues.details.first?.kind == .badTimestamp)
        #expect(feed.issues.details.first?.line == 3)
    }

    @Test func missingFileIsAClearError() {
        #expect(throws: FeedError.cannotOpen(path: "/nonexistent/x.csv", reason: "No such file or directory")) {
            try CSVFeed(path: "/nonexistent/x.csv")
        }
    }

    @Test func headerOnlyFileHasNoTicks() throws {
        let (ticks, feed) = try readAll("timestamp,price\n")
        #expect(ticks.isEmpty)
        #expect(feed.notes.contains { $0.contains("no gap detection") })
    }

    @Test func anyTickSourceDrivesTheSameWay() throws {
        var sources: [any TickSource] = [try CSVFeed(text: Self.hourly),
                                         GBMPath(PathParameters(spot: 100, volatility: 0.5, days: 1, step: 3_600_000, seed: 1))]
        for i in sources.indices {
            var n = 0
            while let _ = try sources[i].next() { n += 1 }
            #expect(n == (i == 0 ? 4 : 25))
        }
    }
}
