import HedgeplanFormatting
import HedgeplanJSON
import HedgeplanSimulation

/// `hedgeplan stress PORTFOLIO.yaml` output: per member line the distribution of P&L per
/// copy (mean, 1% quantile, VaR99, ES99) and of liquidations; then each crowd figure's
/// mean, 95% quantile and maximum over the paths.
public struct PortfolioStressReport: Sendable {
    public var summary: PortfolioStressSummary

    public init(_ summary: PortfolioStressSummary) { self.summary = summary }

    static func es99(_ d: Distribution) -> Double { d.tails.first { $0.level == 0.99 }?.expectedShortfall ?? 0 }
    static func var99(_ d: Distribution) -> Double { d.tails.first { $0.level == 0.99 }?.valueAtRisk ?? 0 }
    static func p95(_ d: Distribution) -> Double { d.quantiles[Distribution.quantileLevels.firstIndex(of: 0.95)!] }

    public func text() -> String {
        let s = summary
        var out = "\(s.name)  \(s.base)/\(s.quote)  portfolio stress, \(s.paths) paths\n\n"
        out += "per copy (\(s.quote))".padding(toLength: 44, withPad: " ", startingAt: 0)
            + "copies".leftPadded(7) + "mean".leftPadded(13) + "VaR99".leftPadded(13) + "ES99".leftPadded(13)
            + "liquidated".leftPadded(12) + "\n"
        for m in s.members {
            let name = m.name.count > 42 ? "…" + m.name.suffix(41) : m.name
            out += "  " + name.padding(toLength: 42, withPad: " ", startingAt: 0) + "\(m.copies)".leftPadded(7)
                + Money.grouped(m.pnlPerCopy.mean, decimals: 2).leftPadded(13)
                + Money.grouped(Self.var99(m.pnlPerCopy), decimals: 2).leftPadded(13)
                + Money.grouped(Self.es99(m.pnlPerCopy), decimals: 2).leftPadded(13)
                + NumberFormat.percent(m.liquidations.mean / Double(m.copies), decimals: 1).leftPadded(12) + "\n"
        }
        out += "\ncrowd, over the paths".padding(toLength: 26, withPad: " ", startingAt: 0)
            + "mean".leftPadded(12) + "p95".leftPadded(12) + "max".leftPadded(12) + "\n"
        func row(_ name: String, _ d: Distribution, _ decimals: Int) -> String {
            "  " + name.padding(toLength: 23, withPad: " ", startingAt: 0) + Money.grouped(d.mean, decimals: 2).leftPadded(12)
                + Money.grouped(Self.p95(d), decimals: decimals).leftPadded(12) + Money.grouped(d.max, decimals: decimals).leftPadded(12) + "\n"
        }
        out += row("max pool deviation bps", s.maxPoolDeviationBps, 1)
        out += row("induced rebalances", s.inducedRebalances, 0)
        out += row("max cascade depth", s.maxCascadeDepth, 0)
        out += row("liquidations", s.liquidations, 0)
        out += row("volume (\(s.base))", s.volume, 2)
        out += "\nES99: the mean loss of the worst 1% of paths, per copy; liquidated: the mean share of copies liquidated per path.\n"
        return out
    }

    static func distribution(_ d: Distribution) -> JSONValue {
        .object([
            "mean": .number(d.mean), "std": .number(d.std), "min": .number(d.min), "max": .number(d.max),
            "p95": .number(p95(d)), "var99": .number(var99(d)), "es99": .number(es99(d)),
        ])
    }

    public func json() -> String {
        let s = summary
        let object: [String: JSONValue] = [
            "portfolio": .string(s.name),
            "units": .object(["money": .string(s.quote), "quantity": .string(s.base)]),
            "paths": .int(s.paths),
            "members": .array(s.members.map { m in
                .object([
                    "name": .string(m.name), "copies": .int(m.copies), "pnl_per_copy": Self.distribution(m.pnlPerCopy),
                    "liquidations": Self.distribution(m.liquidations),
                ])
            }),
            "crowd": .object([
                "max_pool_deviation_bps": Self.distribution(s.maxPoolDeviationBps),
                "induced_rebalances": Self.distribution(s.inducedRebalances),
                "max_cascade_depth": Self.distribution(s.maxCascadeDepth),
                "liquidations": Self.distribution(s.liquidations),
                "volume": Self.distribution(s.volume),
            ]),
        ]
        return JSONValue.object(object).serialized()
    }
}
