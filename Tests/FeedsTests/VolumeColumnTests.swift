import Testing
@testable import Feeds

/// The optional `volume` column (BASE traded per row), which a dry run turns into lp fee
/// income: detected in OHLCV files when asked for (a dry run of a plan with lp legs asks),
/// mapped with `?volume=COL`, checked like gas and iv.
struct VolumeColumnTests {
    static let detecting: CSVFeedOptions = {
        var mapping = ColumnMapping()
        mapping.detectsVolume = true
        return CSVFeedOptions(mapping: mapping)
    }()

    func readAll(_ text: String, options: CSVFeedOptions = Self.detecting) throws -> (ticks: [Tick], feed: CSVFeed) {
        try FeedsTests.readAll(text, options: options)
    }

    @Test func ohlcvFilesCarryTheirVolumeWhenAsked() throws {
        let binance = try readAll("date,open,high,low,close,volume\n2024-01-01 00:00:00,1,4,0.5,2.5,10\n2024-01-01 01:00:00,1,4,0.5,2.6,12.5\n")
        #expect(binance.ticks.map(\.volume) == [10, 12.5])
        #expect(binance.feed.notes.contains { $0.contains("volume from `volume`") })
        let yahoo = try readAll("Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-01,1,4,0.5,2.5,2.4,10\n")
        #expect(yahoo.ticks.first?.volume == 10)
        // No volume column: none.
        #expect(try readAll("timestamp,price\n1704067200,1\n").ticks.first?.volume == nil)
        // An empty field: no volume for that row, as for gas and iv.
        #expect(try readAll("timestamp,price,volume\n1704067200,1,\n").ticks.first?.volume == nil)
        // Not asked for: not parsed, not noted.
        let plain = try readAll("date,open,high,low,close,volume\n2024-01-01 00:00:00,1,4,0.5,2.5,10\n", options: CSVFeedOptions())
        #expect(plain.ticks.first?.volume == nil)
        #expect(!plain.feed.notes.contains { $0.contains("volume") })
        #expect(try FeedSpec.parse("f.csv").detectingVolume() == .csv(path: "f.csv", mapping: Self.detecting.mapping))
    }

    @Test func theBundledHistoryHasVolume() throws {
        let feed = try CSVFeed(path: repositoryRoot + "/Examples/feeds/ethereum.csv", options: Self.detecting)
        let first = try #require(try feed.next())
        // First row: 2022-04-29 08:00:00,2925.84,2927.79,2905.0,2906.29,12537.125
        #expect(first.price == 2906.29 && first.volume == 12537.125)
    }

    @Test func aMappingNamesTheVolumeColumn() throws {
        let text = "unix,date,symbol,open,high,low,close,Volume BTC,Volume USDT\n1704067200000,2024-01-01 00:00:00,BTCUSDT,1,4,0.5,2.5,10,25\n"
        #expect(try readAll(text).ticks.first?.volume == nil)   // `Volume BTC` is not a usual name
        let mapped = CSVFeedOptions(mapping: ColumnMapping(volume: .name("Volume BTC")))
        #expect(try readAll(text, options: mapped).ticks.first?.volume == 10)
        #expect(try FeedSpec.parse("f.csv?volume=Volume BTC") == .csv(path: "f.csv", mapping: ColumnMapping(volume: .name("Volume BTC"))))
        #expect(try FeedSpec.parse("f.csv?volume=6") == .csv(path: "f.csv", mapping: ColumnMapping(volume: .position(6))))
        // The spec's text reads back to the same spec (stress prints it for replays).
        #expect(try FeedSpec.parse(FeedSpec.parse("f.csv?price=close&volume=Volume BTC").text)
            == .csv(path: "f.csv", mapping: ColumnMapping(price: .name("close"), volume: .name("Volume BTC"))))
        // A mapped column that is not there is an error, not a silent run without fees.
        let missing = CSVFeedOptions(mapping: ColumnMapping(volume: .name("qty")))
        do {
            _ = try readAll("timestamp,price\n1704067200,5\n", options: missing)
            Issue.record("a missing volume column was accepted")
        } catch let error as FeedError {
            #expect(error.description.contains("the mapping's volume column `qty` is not in it"), "\(error.description)")
        }
    }

    @Test func aBadVolumeRejectsItsRowWithTheColumn() throws {
        let text = "timestamp,price,volume\n1704067200,100,5\n1704070800,101,-3\n1704074400,102,lots\n1704078000,103,7\n"
        let (ticks, feed) = try readAll(text)
        #expect(ticks.map(\.volume) == [5, 7])
        let details = feed.issues.details.map { ($0.line, $0.column, $0.message) }
        #expect(details.count == 2)
        #expect(details.first?.0 == 3 && details.first?.1 == 3 && details.first?.2 == "volume `-3` is not a finite number >= 0")
        #expect(details.last?.0 == 4 && details.last?.2 == "volume `lots` is not a finite number >= 0")
    }
}
