/// A `--feed` argument, parsed:
/// - `FILE.csv` (or `csv:FILE`), optionally with a column mapping after `?`:
///   `prices.csv?time=unix&price=close` (names or 1-based numbers; keys `time`, `price`,
///   `gas`, `iv`, `volume`)
/// - `gbm:spot=3000,vol=0.6,days=30,step=1m,seed=7[,drift=0][,start=2024-01-01T00:00:00Z]`
/// - `merton:` the same keys plus `intensity=3,mean=-0.04,jumpvol=0.1`
/// - `bootstrap:FILE.csv,spot=3000,days=7,seed=7[,block=24][,start=...]`: a stationary
///   bootstrap of the file's log returns (`BootstrapPath`), stepped at the file's step;
///   `block` is the mean block length in steps (default: the cube root of the returns'
///   count). The file path may not contain a comma.
/// - `regime:spot=3000,days=7,step=1h,seed=7,means=M1/M2,variances=V1/V2,transition=P11/P12/P21/P22[,start=...]`:
///   a regime-switching path (`RegimePath`): per-step log-return means and variances of each
///   regime and the transition matrix row by row, `/`-separated (what `hedgeplan stress
///   --model regime:FEED.csv` fits and prints for its worst paths).
/// - `ws://HOST:PORT/PATH` or `wss://...`: a live feed (recognised here; not implemented yet)
///
/// Numbers: `vol`, `drift`, `mean`, `jumpvol` take a fraction or a percent (`60%`); `step`
/// a duration (`250ms`, `30s`, `1m`, `1h`, `1d`); `days` a number of days; `seed` an
/// unsigned integer (default 1); `intensity` jumps per year.
public enum FeedSpec: Equatable, Sendable {
    case csv(path: String, mapping: ColumnMapping)
    case gbm(PathParameters)
    case merton(PathParameters, JumpParameters)
    case bootstrap(BootstrapSpec)
    case regime(PathParameters, RegimeParameters)
    case webSocket(url: String, host: String, port: Int?, path: String, secure: Bool)

    /// Whether the ticks arrive in real time (a WebSocket): such a feed hands on each tick as
    /// it comes, so it is never read ahead (`ReadAheadTicks`).
    public var isLive: Bool {
        if case .webSocket = self { return true }
        return false
    }

    static let pathKeys = ["spot", "vol", "days", "step", "seed", "drift", "start"]
    static let requiredPathKeys = ["spot", "vol", "days", "step"]
    static let jumpKeys = ["intensity", "mean", "jumpvol"]
    static let mappingKeys = ["time", "price", "gas", "iv", "volume"]
    static let bootstrapKeys = ["spot", "days", "seed", "block", "start"]
    static let regimeKeys = ["spot", "days", "step", "seed", "start", "means", "variances", "transition"]

    public static func parse(_ text: String) throws(FeedSpecError) -> FeedSpec {
        let spec = text.trimmingSpaces()
        guard !spec.isEmpty else { throw FeedSpecError(spec: text, message: "empty feed: give a CSV file, gbm:..., merton:... or ws://...") }
        let lower = spec.lowercased()
        if lower.hasPrefix("ws://") || lower.hasPrefix("wss://") { return try parseWebSocket(spec) }
        if lower.hasPrefix("gbm:") {
            return .gbm(try parsePath(spec, body: String(spec.dropFirst(4)), kind: "gbm", keys: pathKeys).0)
        }
        if lower.hasPrefix("merton:") {
            let (p, values) = try parsePath(spec, body: String(spec.dropFirst(7)), kind: "merton", keys: pathKeys + jumpKeys)
            for key in jumpKeys where values[key] == nil {
                throw FeedSpecError(spec: spec, message: "merton: missing key `\(key)` (needs \(jumpKeys.joined(separator: ", ")) besides \(requiredPathKeys.joined(separator: ", ")))")
            }
            let jumps = JumpParameters(intensity: try number(values["intensity"]!, key: "intensity", spec: spec, min: 0, max: 1_000, unit: "jumps per year"),
                                       meanLogJump: try number(values["mean"]!, key: "mean", spec: spec, min: -5, max: 5, percent: true),
                                       jumpVolatility: try number(values["jumpvol"]!, key: "jumpvol", spec: spec, min: 0, max: 5, percent: true))
            return .merton(p, jumps)
        }
        if lower.hasPrefix("regime:") { return try parseRegime(spec, body: String(spec.dropFirst(7))) }
        if lower.hasPrefix("bootstrap:") { return .bootstrap(try parseBootstrap(spec, body: String(spec.dropFirst(10)))) }
        var path = spec
        if lower.hasPrefix("csv:") { path = String(spec.dropFirst(4)) }
        else if let colon = spec.firstIndex(of: ":"), spec[..<colon].count >= 2,
                spec[..<colon].allSatisfy({ $0.isLetter }), spec.contains("=") || spec[colon...].hasPrefix("://") {
            throw FeedSpecError(spec: spec, message: "unknown feed kind `\(spec[..<colon])`: expected gbm:, merton:, bootstrap:, regime:, ws://, wss:// or a CSV file path")
        }
        var mapping = ColumnMapping()
        if let q = path.lastIndex(of: "?") {
            let query = path[path.index(after: q)...]
            path = String(path[..<q])
            var seen = Set<String>()
            for item in query.split(separator: "&", omittingEmptySubsequences: true) {
                let parts = item.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, !parts[1].isEmpty else {
                    throw FeedSpecError(spec: spec, message: "`\(item)` in the column mapping is not KEY=COLUMN")
                }
                let key = parts[0].lowercased()
                guard seen.insert(key).inserted else { throw FeedSpecError(spec: spec, message: "duplicate key `\(key)`") }
                let ref = ColumnReference(parsing: String(parts[1]))
                switch key {
                case "time": mapping.time = ref
                case "price": mapping.price = ref
                case "gas": mapping.gasGwei = ref
                case "iv": mapping.impliedVolatility = ref
                case "volume": mapping.volume = ref
                default: throw unknownKey(key, valid: mappingKeys, kind: "column mapping", spec: spec)
                }
            }
        }
        guard !path.isEmpty else { throw FeedSpecError(spec: spec, message: "no file path before `?`") }
        return .csv(path: path, mapping: mapping)
    }

    /// The same feed, reading the volume column a CSV file has (by name, unless the mapping
    /// names it): for lp fee accrual, the one use of it.
    public func detectingVolume() -> FeedSpec {
        guard case .csv(let path, var mapping) = self else { return self }
        mapping.detectsVolume = true
        return .csv(path: path, mapping: mapping)
    }

    /// Opens the feed as a tick source (`ws://` is not implemented yet and throws).
    public func makeSource(options: CSVFeedOptions = CSVFeedOptions()) throws -> any TickSource {
        switch self {
        case .csv(let path, let mapping):
            var o = options
            if !mapping.isEmpty || mapping.detectsVolume { o.mapping = mapping }
            return try CSVFeed(path: path, options: o)
        case .gbm(let p): return GBMPath(p)
        case .merton(let p, let j): return MertonPath(p, jumps: j)
        case .regime(let p, let r): return RegimePath(p, regimes: r)
        case .bootstrap(let b):
            let sample = try ReturnSample.load(path: b.path, options: options)
            return BootstrapPath(sample: sample, spot: b.spot, days: b.days, seed: b.seed,
                                 meanBlock: b.meanBlock ?? sample.defaultMeanBlock, start: b.start)
        case .webSocket(let url, _, _, _, _):
            throw FeedSpecError(spec: url, message: "live WebSocket feeds are not implemented yet")
        }
    }

    private static func parseBootstrap(_ spec: String, body: String) throws(FeedSpecError) -> BootstrapSpec {
        let items = body.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        let path = items[0].trimmingCharacters()
        guard !path.isEmpty, !path.contains("=") else {
            throw FeedSpecError(spec: spec, message: "bootstrap: give the history file first, as in bootstrap:prices.csv,spot=3000,days=7,seed=1")
        }
        let values = try keyValues(spec, body: items.count > 1 ? String(items[1]) : "", kind: "bootstrap", keys: bootstrapKeys)
        for key in ["spot", "days"] where values[key] == nil {
            throw FeedSpecError(spec: spec, message: "bootstrap: missing key `\(key)` (required: spot, days; optional: seed, block, start)")
        }
        let spot = try number(values["spot"]!, key: "spot", spec: spec, min: 0, exclusive: true, max: 1e12, unit: "QUOTE per BASE")
        let days = try number(values["days"]!, key: "days", spec: spec, min: 0, exclusive: true, max: 36_500, unit: "days (100 years)")
        let block = try values["block"].map { v throws(FeedSpecError) in
            try number(v, key: "block", spec: spec, min: 1, max: 1e9, unit: "steps")
        }
        return BootstrapSpec(path: path, spot: spot, days: days, seed: try seed(values, kind: "bootstrap", spec: spec),
                             meanBlock: block, start: try start(values, kind: "bootstrap", spec: spec))
    }

    private static func parseRegime(_ spec: String, body: String) throws(FeedSpecError) -> FeedSpec {
        let values = try keyValues(spec, body: body, kind: "regime", keys: regimeKeys)
        for key in ["spot", "days", "step", "means", "variances", "transition"] where values[key] == nil {
            throw FeedSpecError(spec: spec, message: "regime: missing key `\(key)` (required: spot, days, step, means, variances, transition; optional: seed, start)")
        }
        func list(_ key: String) throws(FeedSpecError) -> [Double] {
            var out: [Double] = []
            for item in values[key]!.split(separator: "/", omittingEmptySubsequences: false) {
                guard let v = Double(item), v.isFinite else {
                    throw FeedSpecError(spec: spec, message: "regime: `\(key)` holds `\(item)`, not a number (values are separated by /)")
                }
                out.append(v)
            }
            return out
        }
        let means = try list("means"), variances = try list("variances"), flat = try list("transition")
        let k = means.count
        guard (2...3).contains(k), variances.count == k, flat.count == k * k else {
            throw FeedSpecError(spec: spec, message: "regime: 2 or 3 regimes, with as many means and variances and a \(k)x\(k) transition matrix (\(k * k) values, row by row)")
        }
        guard variances.allSatisfy({ $0 > 0 && $0 < 1 }), means.allSatisfy({ abs($0) < 1 }) else {
            throw FeedSpecError(spec: spec, message: "regime: variances must be in (0, 1) and means in (-1, 1), per step")
        }
        let rows = (0..<k).map { Array(flat[($0 * k)..<($0 * k + k)]) }
        guard rows.allSatisfy({ row in row.allSatisfy { $0 >= 0 && $0 <= 1 } && abs(row.reduce(0, +) - 1) < 1e-9 }) else {
            throw FeedSpecError(spec: spec, message: "regime: each transition row must hold probabilities adding up to 1")
        }
        let spot = try number(values["spot"]!, key: "spot", spec: spec, min: 0, exclusive: true, max: 1e12, unit: "QUOTE per BASE")
        let days = try number(values["days"]!, key: "days", spec: spec, min: 0, exclusive: true, max: 36_500, unit: "days (100 years)")
        let step = try duration(values["step"]!, spec: spec)
        guard Double(step) <= days * 86_400_000 else {
            throw FeedSpecError(spec: spec, message: "regime: step \(values["step"]!) is longer than days=\(values["days"]!)")
        }
        try checkTickCount(days: days, step: step, kind: "regime", spec: spec)
        let parameters = PathParameters(spot: spot, volatility: 0, days: days, step: step, seed: try seed(values, kind: "regime", spec: spec),
                                        start: try start(values, kind: "regime", spec: spec))
        return .regime(parameters, RegimeParameters(means: means, variances: variances, transition: rows))
    }

    /// The most ticks a simulated feed may have: a billion run for about five minutes through
    /// `dry-run` (BENCHMARKS.md, `## Engine`); `days=36500,step=1ms` would have run for weeks.
    public static let maximumTicks = 1e9

    private static func checkTickCount(days: Double, step: Int64, kind: String, spec: String) throws(FeedSpecError) {
        let ticks = days * 86_400_000 / Double(step)
        guard ticks <= maximumTicks else {
            throw FeedSpecError(spec: spec, message: "\(kind): days / step is \(Int64(ticks.rounded())) ticks; at most 1000000000")
        }
    }

    private static func keyValues(_ spec: String, body: String, kind: String, keys: [String]) throws(FeedSpecError) -> [String: String] {
        var values: [String: String] = [:]
        guard !body.isEmpty else { return values }
        for item in body.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = String(item).trimmingSpaces()
            if trimmed.isEmpty { throw FeedSpecError(spec: spec, message: "\(kind): empty item (two commas in a row, or a trailing comma)") }
            let parts = trimmed.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { throw FeedSpecError(spec: spec, message: "\(kind): `\(trimmed)` is not KEY=VALUE") }
            let key = parts[0].trimmingCharacters().lowercased()
            let value = parts[1].trimmingCharacters()
            guard keys.contains(key) else { throw unknownKey(key, valid: keys, kind: kind, spec: spec) }
            guard values[key] == nil else { throw FeedSpecError(spec: spec, message: "\(kind): duplicate key `\(key)`") }
            guard !value.isEmpty else { throw FeedSpecError(spec: spec, message: "\(kind): `\(key)` has no value") }
            values[key] = value
        }
        return values
    }

    private static func seed(_ values: [String: String], kind: String, spec: String) throws(FeedSpecError) -> UInt64 {
        guard let s = values["seed"] else { return 1 }
        guard let v = UInt64(s) else { throw FeedSpecError(spec: spec, message: "\(kind): seed `\(s)` is not an unsigned integer") }
        return v
    }

    private static func start(_ values: [String: String], kind: String, spec: String) throws(FeedSpecError) -> Int64 {
        guard let s = values["start"] else { return PathParameters.defaultStart }
        guard let v = TimestampParser.parseText(s) else {
            throw FeedSpecError(spec: spec, message: "\(kind): start `\(s)` is not an ISO 8601 instant such as 2024-01-01T00:00:00Z")
        }
        return v
    }

    private static func parsePath(_ spec: String, body: String, kind: String, keys: [String])
        throws(FeedSpecError) -> (PathParameters, [String: String]) {
        let values = try keyValues(spec, body: body, kind: kind, keys: keys)
        for key in requiredPathKeys where values[key] == nil {
            throw FeedSpecError(spec: spec, message: "\(kind): missing key `\(key)` (required: \(requiredPathKeys.joined(separator: ", ")); optional: seed, drift, start)")
        }
        let spot = try number(values["spot"]!, key: "spot", spec: spec, min: 0, exclusive: true, max: 1e12, unit: "QUOTE per BASE")
        let vol = try number(values["vol"]!, key: "vol", spec: spec, min: 0, max: 10, percent: true)
        let days = try number(values["days"]!, key: "days", spec: spec, min: 0, exclusive: true, max: 36_500, unit: "days (100 years)")
        let step = try duration(values["step"]!, spec: spec)
        guard Double(step) <= days * 86_400_000 else {
            throw FeedSpecError(spec: spec, message: "\(kind): step \(values["step"]!) is longer than days=\(values["days"]!)")
        }
        try checkTickCount(days: days, step: step, kind: "\(kind)", spec: spec)
        let seed = try seed(values, kind: kind, spec: spec)
        let drift = try values["drift"].map { v throws(FeedSpecError) in try number(v, key: "drift", spec: spec, min: -10, max: 10, percent: true) } ?? 0
        let start = try start(values, kind: kind, spec: spec)
        return (PathParameters(spot: spot, volatility: vol, days: days, step: step, seed: seed, drift: drift, start: start), values)
    }

    /// A number within the same kind of range the strategy language enforces: a simulated
    /// path with a drift of 1e6 or a billion jumps a year overflows to infinities that
    /// would reach the output, so it is refused here with the parameter's name.
    private static func number(_ text: String, key: String, spec: String, min: Double? = nil,
                               exclusive: Bool = false, max: Double? = nil, unit: String? = nil,
                               percent: Bool = false) throws(FeedSpecError) -> Double {
        var body = Substring(text)
        var scale = 1.0
        if percent && body.hasSuffix("%") { body = body.dropLast(); scale = 0.01 }
        guard let raw = Double(body), raw.isFinite else {
            throw FeedSpecError(spec: spec, message: "`\(key)=\(text)`: not a number\(percent ? " (a fraction such as 0.6, or a percent such as 60%)" : "")")
        }
        let v = raw * scale
        if let min, exclusive ? v <= min : v < min {
            throw FeedSpecError(spec: spec, message: "`\(key)=\(text)`: must be \(exclusive ? ">" : ">=") \(min == 0 ? "0" : "\(min)")")
        }
        if let max, v > max {
            let shown = max.rounded() == max && max < 1e15 ? String(Int(max)) : "\(max)"
            let scale = percent ? " (\(shown) is \(Int(max * 100))%)" : unit.map { " \($0)" } ?? ""
            throw FeedSpecError(spec: spec, message: "`\(key)=\(text)`: must be at most \(shown)\(scale)")
        }
        return v
    }

    /// `250ms`, `30s`, `1m`, `1h`, `1d` (also `1.5h`) to milliseconds.
    static func duration(_ text: String, spec: String) throws(FeedSpecError) -> Int64 {
        let units: [(String, Double)] = [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            let number = text.dropLast(suffix.count)
            if suffix == "s" && number.hasSuffix("m") { continue }
            guard let v = Double(number), v.isFinite, v > 0 else { break }
            let ms = (v * scale).rounded()
            guard ms >= 1 else { break }
            return Int64(ms)
        }
        throw FeedSpecError(spec: spec, message: "`step=\(text)`: not a positive duration with a unit (ms, s, m, h, d), such as 1m")
    }

    private static func unknownKey(_ key: String, valid: [String], kind: String, spec: String) -> FeedSpecError {
        let close = valid.min { editDistance(key, $0) < editDistance(key, $1) }
        let hint = close.map { editDistance(key, $0) <= 2 ? " (did you mean `\($0)`?)" : "" } ?? ""
        return FeedSpecError(spec: spec, message: "\(kind): unknown key `\(key)`\(hint); valid keys: \(valid.joined(separator: ", "))")
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    private static func parseWebSocket(_ spec: String) throws(FeedSpecError) -> FeedSpec {
        let secure = spec.lowercased().hasPrefix("wss://")
        let rest = spec.dropFirst(secure ? 6 : 5)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        let path = slash == rest.endIndex ? "/" : String(rest[slash...])
        guard !authority.isEmpty else { throw FeedSpecError(spec: spec, message: "no host after \(secure ? "wss" : "ws")://") }
        var host = String(authority)
        var port: Int?
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            host = String(authority[..<colon])
            let p = authority[authority.index(after: colon)...]
            guard let v = Int(p), v >= 1, v <= 65_535 else {
                throw FeedSpecError(spec: spec, message: "port `\(p)` is not a number from 1 to 65535")
            }
            port = v
        }
        guard !host.isEmpty else { throw FeedSpecError(spec: spec, message: "no host before the port") }
        return .webSocket(url: spec, host: host, port: port, path: path, secure: secure)
    }
}

/// `bootstrap:FILE,...`: which history to resample and how (see `BootstrapPath`).
public struct BootstrapSpec: Equatable, Sendable {
    public var path: String
    /// QUOTE per BASE at the first tick.
    public var spot: Double
    public var days: Double
    public var seed: UInt64
    /// Mean block length in steps; nil: the sample's default.
    public var meanBlock: Double?
    /// ms since epoch.
    public var start: Int64

    public init(path: String, spot: Double, days: Double, seed: UInt64, meanBlock: Double?, start: Int64) {
        self.path = path
        self.spot = spot
        self.days = days
        self.seed = seed
        self.meanBlock = meanBlock
        self.start = start
    }
}

/// A `--feed` string that does not parse, with the reason.
public struct FeedSpecError: Error, Equatable, Sendable, CustomStringConvertible {
    public var spec: String
    public var message: String
    public var description: String { "bad feed `\(spec)`: \(message)" }
}

extension Substring {
    func trimmingCharacters() -> String { String(self).trimmingSpaces() }
}
