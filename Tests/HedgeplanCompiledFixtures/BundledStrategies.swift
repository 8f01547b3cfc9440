import Foundation
import HedgeplanCompiler
import HedgeplanIR
import HedgeplanTestSupport

/// The strategies bundled in `strategies/`, compiled as a user at the repository root
/// would (the plan names `strategies/FILE`) at a pinned clock, reading each file by its
/// absolute path (tests never change the working directory).
public enum BundledStrategies {
    /// The clock every test pins (`HEDGEPLAN_NOW` of the command-line tests).
    public static let now = Instant(iso8601: HedgeplanChild.pinnedNow)!

    /// File names (`eth-collar.yaml`...), sorted.
    public static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: PackageRoot.url("strategies").path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// Hourly ETH closes from the bundled example feed, read with a plain line split (an
    /// independent reader: not the Feeds library), for strategies that fit a model to a history.
    public static let ethHistory: PriceHistory = {
        let text = (try? String(contentsOf: PackageRoot.url("Examples/feeds/ethereum.csv"), encoding: .utf8)) ?? ""
        let closes = text.split(separator: "\n").compactMap { line -> Double? in
            let fields = line.split(separator: ",")
            return fields.count >= 5 ? Double(fields[4]) : nil
        }
        return PriceHistory(prices: closes, stepSeconds: 3_600, name: "Examples/feeds/ethereum.csv")
    }()

    /// Compiles `strategies/FILE` (`FILE` with or without `.yaml`).
    public static func compile(_ file: String, history: PriceHistory? = ethHistory) -> CompiledStrategy {
        let name = file.hasSuffix(".yaml") ? file : file + ".yaml"
        let text = (try? String(contentsOf: PackageRoot.url("strategies/\(name)"), encoding: .utf8)) ?? ""
        return PlanCompiler.compile(text: text, path: "strategies/\(name)", now: now, history: history)
    }
}
