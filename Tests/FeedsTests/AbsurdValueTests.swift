import Testing
@testable import Feeds

/// Finite but absurd feed values found by fuzzing (issue 14, item 4; docs/fuzzing.md):
/// each is a bad row with its line number, never a number that reaches a run's totals.
struct AbsurdValueTests {
    /// `count` one-minute rows from 2024-01-01, price 3000 + i.
    static func minuteRows(_ count: Int, from start: Int = 0) -> [String] {
        (start..<(start + count)).map { i in "\(1_704_067_200 + 60 * i),\(3000 + i)" }
    }

    @Test(arguments: ["1e300", "1e-320", "1e13", "1e-13"])
    func implausiblePricesAreBadRows(_ price: String) throws {
        var rows = Self.minuteRows(10)
        rows[5] = "\(1_704_067_200 + 300),\(price)"
        let (ticks, feed) = try readAll("timestamp,price\n" + rows.joined(separator: "\n") + "\n")
        #expect(ticks.count == 9)
        #expect(ticks.allSatisfy { $0.price >= 3000 && $0.price < 3010 })
        let issue = try #require(feed.issues.details.first)
        #expect(issue.line == 7)
        #expect(issue.kind == .badPrice)
        #expect(issue.message == "price \(price) is outside the plausible range 1e-12 to 1e12 QUOTE per BASE")
    }

    @Test func aJumpOfOrdersOfMagnitudeIsAnOutlier() throws {
        var rows = Self.minuteRows(10)
        rows[4] = "\(1_704_067_200 + 240),3000000"   // 1,000 times the row before
        let (ticks, feed) = try readAll("timestamp,price\n" + rows.joined(separator: "\n") + "\n")
        #expect(ticks.count == 9)
        #expect(!ticks.contains { $0.price == 3_000_000 })
        // The skipped row leaves a two-minute step: the next row is kept after a gap.
        #expect(feed.issues.details.map(\.line) == [6, 7])
        #expect(feed.issues.details.map(\.kind) == [.priceOutlier, .gap])
        #expect(feed.issues.details.first?.message == "price 3000000.0 is more than 100 times the price on line 5 (3003.0); row skipped")
    }

    @Test func aMoveThatTheNextRowConfirmsIsKept() throws {
        // A redenomination: every row from the sixth on is 1,000 times higher.
        let rows = (0..<10).map { i in "\(1_704_067_200 + 60 * i),\(i < 5 ? 3.0 : 3000.0)" }
        let (ticks, feed) = try readAll("timestamp,price\n" + rows.joined(separator: "\n") + "\n")
        #expect(ticks.map(\.price) == [3, 3, 3, 3, 3, 3000, 3000, 3000, 3000], "only the first row of the move is lost")
        #expect(feed.issues.details.map(\.kind) == [.priceOutlier, .gap])
    }

    /// The fuzzer's input: one row dated 9999-12-31 made the 2,499 good rows after it
    /// "going backwards".
    @Test func aRowFromTheYear9999IsATimeLeapNotTheNewClock() throws {
        var rows = Self.minuteRows(2_500)
        rows.insert("253402214400,3000", at: 1)   // 9999-12-31T00:00:00Z
        let (ticks, feed) = try readAll("timestamp,price\n" + rows.joined(separator: "\n") + "\n")
        #expect(ticks.count == 2_500)
        #expect(feed.issues.count(of: .timestampBackwards) == 0)
        #expect(feed.issues.details.map(\.kind) == [.timeLeap])
        #expect(feed.issues.details.first?.line == 3)
        #expect(feed.issues.details.first?.message.hasPrefix("9999-12-31T00:00:00Z is ") == true)
    }

    @Test func aRealGapConfirmedByTheNextRowIsKept() throws {
        // 90 days without data in a one-minute feed, then the feed goes on.
        let before = Self.minuteRows(100)
        let after = Self.minuteRows(100, from: 90 * 1_440)
        let (ticks, feed) = try readAll("timestamp,price\n" + (before + after).joined(separator: "\n") + "\n")
        #expect(ticks.count == 199, "the first row after the gap is held back, the rest are kept")
        #expect(feed.issues.details.map(\.kind) == [.timeLeap, .gap])
    }

    @Test(arguments: [
        ("gbm:spot=3000,vol=0.6,days=30,step=1m,drift=1e6", "`drift=1e6`: must be at most 10 (10 is 1000%)"),
        ("gbm:spot=3000,vol=0.6,days=30,step=1m,drift=-11", "`drift=-11`: must be >= -10.0"),
        ("gbm:spot=1e300,vol=0.6,days=30,step=1m", "`spot=1e300`: must be at most 1000000000000 QUOTE per BASE"),
        ("gbm:spot=3000,vol=1e6,days=30,step=1m", "`vol=1e6`: must be at most 10 (10 is 1000%)"),
        ("gbm:spot=3000,vol=0.6,days=1e9,step=1m", "`days=1e9`: must be at most 36500 days (100 years)"),
        ("merton:spot=3000,vol=0.6,days=30,step=1m,intensity=1e9,mean=-0.04,jumpvol=0.1",
         "`intensity=1e9`: must be at most 1000 jumps per year"),
        ("merton:spot=3000,vol=0.6,days=30,step=1m,intensity=3,mean=-40,jumpvol=0.1", "`mean=-40`: must be >= -5.0"),
        ("merton:spot=3000,vol=0.6,days=30,step=1m,intensity=3,mean=-0.04,jumpvol=900%", "`jumpvol=900%`: must be at most 5 (5 is 500%)"),
    ])
    func simulationParametersAreRangeChecked(_ spec: String, _ expected: String) {
        #expect(throws: FeedSpecError(spec: spec, message: expected)) { try FeedSpec.parse(spec) }
    }

    @Test func utf16AndCROnlyFilesSayWhatTheyAre() throws {
        let text = "timestamp,price\n1704067200,1\n1704067260,2\n"
        let little = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(throws: FeedError.self) { try CSVFeed(bytes: little, name: "le.csv") }
        do {
            _ = try CSVFeed(bytes: little, name: "le.csv")
        } catch let error as FeedError {
            #expect(error.message.hasPrefix("the file is UTF-16LE text; feeds must be UTF-8"))
        }
        do {
            _ = try CSVFeed(bytes: [0xFE, 0xFF] + Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, name: "be.csv")
            Issue.record("UTF-16BE was accepted")
        } catch let error as FeedError {
            #expect(error.message.hasPrefix("the file is UTF-16BE text"))
        }
        do {
            _ = try CSVFeed(text: String(text.map { $0 == "\n" ? "\r" : $0 }), name: "mac.csv")
            Issue.record("a CR-only file was accepted")
        } catch let error as FeedError {
            #expect(error.message.hasPrefix("the file's lines end with a carriage return only"))
        }
    }
}
