import Testing
@testable import Feeds

struct FeedSpecTests {
    @Test func gbm() throws {
        let spec = try FeedSpec.parse("gbm:spot=3000,vol=0.6,days=30,step=1m,seed=7")
        #expect(spec == .gbm(PathParameters(spot: 3000, volatility: 0.6, days: 30, step: 60_000, seed: 7)))
        let full = try FeedSpec.parse("GBM: spot=3000, vol=60%, days=0.5, step=250ms, seed=7, drift=-5%, start=2025-01-01T00:00:00Z")
        #expect(full == .gbm(PathParameters(spot: 3000, volatility: 0.6, days: 0.5, step: 250, seed: 7, drift: -0.05,
                                            start: 1_735_689_600_000)))
        guard case .gbm(let p) = try FeedSpec.parse("gbm:spot=1,vol=0.2,days=1,step=1h") else { Issue.record(); return }
        #expect(p.seed == 1 && p.drift == 0 && p.steps == 24)
    }

    @Test func merton() throws {
        let spec = try FeedSpec.parse("merton:spot=3000,vol=0.6,days=30,step=1m,seed=7,intensity=3,mean=-0.04,jumpvol=0.1")
        #expect(spec == .merton(PathParameters(spot: 3000, volatility: 0.6, days: 30, step: 60_000, seed: 7),
                                JumpParameters(intensity: 3, meanLogJump: -0.04, jumpVolatility: 0.1)))
    }

    @Test func csvAndWebSocket() throws {
        #expect(try FeedSpec.parse("Examples/feeds/ethereum.csv") == .csv(path: "Examples/feeds/ethereum.csv", mapping: ColumnMapping()))
        #expect(try FeedSpec.parse("csv:/tmp/a b.csv") == .csv(path: "/tmp/a b.csv", mapping: ColumnMapping()))
        #expect(try FeedSpec.parse("x.csv?time=unix&price=5&gas=g&iv=mark_iv")
                == .csv(path: "x.csv", mapping: ColumnMapping(time: .name("unix"), price: .position(5),
                                                              gasGwei: .name("g"), impliedVolatility: .name("mark_iv"))))
        #expect(try FeedSpec.parse("C:\\data\\eth.csv") == .csv(path: "C:\\data\\eth.csv", mapping: ColumnMapping()))
        #expect(try FeedSpec.parse("ws://127.0.0.1:8765/ticks")
                == .webSocket(url: "ws://127.0.0.1:8765/ticks", host: "127.0.0.1", port: 8765, path: "/ticks", secure: false))
        #expect(try FeedSpec.parse("wss://feed.example.com")
                == .webSocket(url: "wss://feed.example.com", host: "feed.example.com", port: nil, path: "/", secure: true))
    }

    static let bad: [(String, String)] = [
        ("", "empty feed"),
        ("gbm:spot=3000,vol=0.6,days=30", "missing key `step`"),
        ("gbm:spot=3000,vol=0.6,days=30,step=1m,sede=7", "unknown key `sede` (did you mean `seed`?)"),
        ("gbm:spot=3000,vol=0.6,days=30,step=1m,color=red", "valid keys: spot, vol, days, step, seed, drift, start"),
        ("gbm:spot=abc,vol=0.6,days=30,step=1m", "`spot=abc`: not a number"),
        ("gbm:spot=3000,vol=sixty,days=30,step=1m", "`vol=sixty`: not a number (a fraction such as 0.6, or a percent such as 60%)"),
        ("gbm:spot=-1,vol=0.6,days=30,step=1m", "`spot=-1`: must be > 0"),
        ("gbm:spot=3000,vol=-0.6,days=30,step=1m", "`vol=-0.6`: must be >= 0"),
        ("gbm:spot=nan,vol=0.6,days=30,step=1m", "`spot=nan`: not a number"),
        ("gbm:spot=3000,vol=0.6,days=30,step=1", "`step=1`: not a positive duration with a unit"),
        ("gbm:spot=3000,vol=0.6,days=30,step=0m", "not a positive duration"),
        ("gbm:spot=3000,vol=0.6,days=1,step=2d", "step 2d is longer than days=1"),
        ("gbm:spot=3000,vol=0.6,days=30,step=1m,seed=-7", "seed `-7` is not an unsigned integer"),
        ("gbm:spot=3000,spot=3000,vol=0.6,days=30,step=1m", "duplicate key `spot`"),
        ("gbm:spot=3000,,vol=0.6,days=30,step=1m", "empty item"),
        ("gbm:spot=3000,vol,days=30,step=1m", "`vol` is not KEY=VALUE"),
        ("gbm:spot=3000,vol=0.6,days=30,step=1m,start=yesterday", "start `yesterday` is not an ISO 8601 instant"),
        ("merton:spot=3000,vol=0.6,days=30,step=1m,seed=7", "missing key `intensity`"),
        ("merton:spot=3000,vol=0.6,days=30,step=1m,intensity=3,mean=-0.04,jumpvol=x", "`jumpvol=x`: not a number"),
        ("merton:spot=3000,vol=0.6,days=30,step=1m,intensity=-3,mean=-0.04,jumpvol=0.1", "`intensity=-3`: must be >= 0"),
        ("gmb:spot=3000,vol=0.6,days=30,step=1m", "unknown feed kind `gmb`"),
        ("http://example.com/feed", "unknown feed kind `http`"),
        ("ws://", "no host"),
        ("ws://host:99999/x", "port `99999`"),
        ("prices.csv?time", "`time` in the column mapping is not KEY=COLUMN"),
        ("prices.csv?when=date", "column mapping: unknown key `when`"),
    ]

    @Test(arguments: bad)
    func badSpecsSayWhy(_ text: String, _ expected: String) {
        do {
            let spec = try FeedSpec.parse(text)
            Issue.record("`\(text)` parsed as \(spec)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func webSocketIsRecognisedButNotOpened() throws {
        #expect(throws: FeedSpecError.self) { try FeedSpec.parse("ws://127.0.0.1:1/x").makeSource() }
    }

    @Test func specsOpenSources() throws {
        var gbm = try FeedSpec.parse("gbm:spot=3000,vol=0.6,days=1,step=1h,seed=7").makeSource()
        var n = 0
        while try gbm.next() != nil { n += 1 }
        #expect(n == 25)
        #expect(gbm.notes.first?.contains("seed 7") == true)
    }
}
