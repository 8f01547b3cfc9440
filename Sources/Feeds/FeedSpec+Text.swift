/// The `--feed` text of a spec: what `FeedSpec.parse` reads back to an equal spec. Numbers
/// are written in Swift's shortest round-trip form, so a parsed copy holds the very same
/// doubles and a simulated path replays bit for bit (`hedgeplan stress` prints such a
/// string for each of its worst paths).
extension FeedSpec {
    public var text: String {
        switch self {
        case .csv(let path, let mapping):
            var query: [String] = []
            if let t = mapping.time { query.append("time=\(t.text)") }
            if let p = mapping.price { query.append("price=\(p.text)") }
            if let g = mapping.gasGwei { query.append("gas=\(g.text)") }
            if let v = mapping.impliedVolatility { query.append("iv=\(v.text)") }
            return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
        case .gbm(let p):
            return "gbm:" + Self.pathItems(p).joined(separator: ",")
        case .merton(let p, let j):
            return "merton:" + (Self.pathItems(p) + [
                "intensity=\(j.intensity)", "mean=\(j.meanLogJump)", "jumpvol=\(j.jumpVolatility)",
            ]).joined(separator: ",")
        case .bootstrap(let b):
            var items = [b.path, "spot=\(b.spot)", "days=\(b.days)", "seed=\(b.seed)"]
            if let block = b.meanBlock { items.append("block=\(block)") }
            items.append("start=\(TimestampFormatter.iso8601(b.start))")
            return "bootstrap:" + items.joined(separator: ",")
        case .webSocket(let url, _, _, _, _):
            return url
        }
    }

    private static func pathItems(_ p: PathParameters) -> [String] {
        ["spot=\(p.spot)", "vol=\(p.volatility)", "days=\(p.days)", "step=\(TimestampFormatter.duration(p.step))",
         "seed=\(p.seed)", "drift=\(p.drift)", "start=\(TimestampFormatter.iso8601(p.start))"]
    }
}

extension ColumnReference {
    /// As written after `?` in a feed: a name, or a 1-based position.
    var text: String {
        switch self {
        case .name(let n): n
        case .position(let p): String(p)
        }
    }
}
