import Testing
@testable import Feeds

/// Every known layout: a header and one data row, the tick it must give.
struct HeaderLayoutTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var timestamp: Int64
        var price: Double
        var gas: Double? = nil
        var iv: Double? = nil
        var testDescription: String { name }
    }

    static let t0: Int64 = 1_704_067_200_000   // 2024-01-01T00:00:00Z

    static let cases: [Case] = [
        Case(name: "timestamp,price epoch s", text: "timestamp,price\n1704067200,3000.5\n", timestamp: t0, price: 3000.5),
        Case(name: "timestamp,price epoch ms", text: "timestamp,price\n1704067200000,3000.5\n", timestamp: t0, price: 3000.5),
        Case(name: "timestamp,price ISO", text: "timestamp,price\n2024-01-01T00:00:00Z,3000.5\n", timestamp: t0, price: 3000.5),
        Case(name: "with gas and iv", text: "timestamp,price,gas_gwei,iv\n1704067200,3000.5,25,0.65\n",
             timestamp: t0, price: 3000.5, gas: 25, iv: 0.65),
        Case(name: "gas and iv empty", text: "timestamp,price,gas_gwei,iv\n1704067200,3000.5,,\n", timestamp: t0, price: 3000.5),
        Case(name: "iv before price", text: "iv,timestamp,price\n0.5,1704067200,3000.5\n", timestamp: t0, price: 3000.5, iv: 0.5),
        Case(name: "date OHLCV (Binance via the example files)",
             text: "date,open,high,low,close,volume\n2024-01-01 00:00:00,1,4,0.5,2.5,10\n", timestamp: t0, price: 2.5),
        Case(name: "timestamp OHLCV", text: "timestamp,open,high,low,close,volume\n1704067200000,1,4,0.5,2.5,10\n", timestamp: t0, price: 2.5),
        Case(name: "time OHLCV", text: "time,open,high,low,close,volume\n1704067200,1,4,0.5,2.5,10\n", timestamp: t0, price: 2.5),
        Case(name: "unix OHLCV", text: "unix,open,high,low,close,volume\n1704067200,1,4,0.5,2.5,10\n", timestamp: t0, price: 2.5),
        Case(name: "CryptoDataDownload (unix and date)",
             text: "unix,date,symbol,open,high,low,close,Volume BTC,Volume USDT,tradecount\n1704067200000,2024-01-01 00:00:00,BTCUSDT,1,4,0.5,2.5,10,25,7\n",
             timestamp: t0, price: 2.5),
        Case(name: "Binance kline header",
             text: "Open time,Open,High,Low,Close,Volume,Close time,Quote asset volume,Number of trades\n1704067200000,1,4,0.5,2.5,10,1704067259999,25,7\n",
             timestamp: t0, price: 2.5),
        Case(name: "CoinGecko", text: "snapped_at,price,market_cap,total_volume\n2024-01-01 00:00:00 UTC,2281.47,274000000000,9000000000\n",
             timestamp: t0, price: 2281.47),
        Case(name: "Yahoo (Close, not Adj Close)", text: "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-01,1,4,0.5,2.5,2.4,10\n",
             timestamp: t0, price: 2.5),
        Case(name: "CoinMarketCap (semicolons)",
             text: "timeOpen;timeClose;timeHigh;timeLow;name;open;high;low;close;volume;marketCap;timestamp\n\"2024-01-01T00:00:00.000Z\";\"2024-01-01T23:59:59.999Z\";\"2024-01-01T12:00:00.000Z\";\"2024-01-01T01:00:00.000Z\";\"2781\";2281.1;2300;2270;2352.5;1;2;\"2024-01-01T23:59:59.999Z\"\n",
             timestamp: t0 + 86_399_999, price: 2352.5),   // `timestamp` outranks `timeOpen`
        Case(name: "Kraken-style headerless OHLCVT", text: "1704067200,1,4,0.5,2.5,10,7\n", timestamp: t0, price: 2.5),
        Case(name: "headerless Binance kline (ms)", text: "1704067200000,1,4,0.5,2.5,10,1704067259999,25,7,1,2,0\n", timestamp: t0, price: 2.5),
        Case(name: "headerless time,price", text: "1704067200,3000.5\n", timestamp: t0, price: 3000.5),
        Case(name: "headerless Kraken trades time,price,volume", text: "1704067200.25,3000.5,0.1\n", timestamp: t0 + 250, price: 3000.5),
        Case(name: "tabs", text: "timestamp\tprice\n1704067200\t3000.5\n", timestamp: t0, price: 3000.5),
        Case(name: "quoted header and fields", text: "\"Date\",\"Close\"\n\"2024-01-01T00:00:00Z\",\"3000.5\"\n", timestamp: t0, price: 3000.5),
        Case(name: "spaces around fields", text: "timestamp , price\n 1704067200 , 3000.5 \n", timestamp: t0, price: 3000.5),
        Case(name: "ISO with offset", text: "datetime,close\n2024-01-01T01:00:00+01:00,7\n", timestamp: t0, price: 7),
        Case(name: "microseconds", text: "ts,price\n1704067200000000,7\n", timestamp: t0, price: 7),
    ]

    @Test(arguments: cases)
    func layout(_ c: Case) throws {
        let (ticks, feed) = try readAll(c.text)
        #expect(feed.issues.isEmpty, "\(feed.issues.details)")
        try #require(ticks.count == 1, "\(feed.notes)")
        #expect(ticks[0].timestamp == c.timestamp)
        #expect(ticks[0].price == c.price)
        #expect(ticks[0].gasGwei == c.gas)
        #expect(ticks[0].impliedVolatility == c.iv)
    }

    @Test func mappingOverridesDetection() throws {
        let text = "timestamp,price,close,mark\n1704067200,1,2,3\n"
        #expect(try readAll(text).ticks.first?.price == 1)
        let byName = CSVFeedOptions(mapping: ColumnMapping(price: .name("Mark")))
        #expect(try readAll(text, options: byName).ticks.first?.price == 3)
        let byPosition = CSVFeedOptions(mapping: ColumnMapping(price: .position(3)))
        #expect(try readAll(text, options: byPosition).ticks.first?.price == 2)
        let unknownHeader = "when,px\n1704067200,5\n"
        let mapped = CSVFeedOptions(mapping: ColumnMapping(time: .name("when"), price: .name("px")))
        #expect(try readAll(unknownHeader, options: mapped).ticks.first?.price == 5)
        // Headerless file, positions.
        let headerless = CSVFeedOptions(mapping: ColumnMapping(time: .position(2), price: .position(1)))
        let r = try readAll("5,1704067200\n6,1704067260\n", options: headerless)
        #expect(r.ticks.map(\.price) == [5, 6])
        #expect(r.ticks.first?.timestamp == 1_704_067_200_000)
    }

    @Test func unknownHeaderNamesItAndTheMapping() {
        do {
            _ = try readAll("when,px,qty\n1704067200,5,1\n")
            Issue.record("expected an error")
        } catch let error as FeedError {
            guard case .unrecognizedHeader(_, let line, let header, _) = error else { Issue.record("\(error)"); return }
            #expect(line == 1)
            #expect(header == "when,px,qty")
            #expect(error.description.contains("time=<column>&price=<column>"))
            #expect(error.description.contains("no time column"))
        } catch { Issue.record("\(error)") }
        // A mapping naming a missing column is an error too, not a fallback.
        let options = CSVFeedOptions(mapping: ColumnMapping(price: .name("mid")))
        #expect(throws: FeedError.self) { try readAll("timestamp,price\n1704067200,5\n", options: options) }
        // Text without any line that looks like a table.
        #expect(throws: FeedError.self) { try readAll("hello\nworld\n") }
    }
}
