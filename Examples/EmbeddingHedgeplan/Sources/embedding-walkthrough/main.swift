/// # Embedding Hedgeplan in a Swift program
///
/// This walkthrough is a program you can run and read from top to bottom:
///
///     swift run --package-path Examples/EmbeddingHedgeplan embedding-walkthrough [STRATEGY.yaml]
///
/// It shows the four things an embedder does with the front end:
///
/// 1. load a strategy file with `StrategyLoader.load(path:)`;
/// 2. print its diagnostics with `DiagnosticRenderer`, exactly as `hedgeplan validate` does;
/// 3. walk the typed IR: the legs, the market and the hedge policy;
/// 4. load YAML held in memory with `StrategyLoader.load(text:path:)`, find a deliberate
///    mistake in it, and react to the diagnostic in code.
///
/// The library never prints and never exits: every problem comes back as a `Diagnostic`
/// value (file, line, column, severity, rule id, message), so the caller decides what to
/// show and what to do.

import Foundation
// The `HedgeplanLanguage` library product: `StrategyLoader`, `Strategy`, `Leg`, `Strike`, ...
import HedgeplanIR
// `Diagnostic`, `DiagnosticRenderer`, `RuleID`, `Severity`: the diagnostics every stage returns.
import HedgeplanDiagnostics

// MARK: - Where the bundled strategies are

/// The repository root, found from this source file's own path
/// (`Examples/EmbeddingHedgeplan/Sources/embedding-walkthrough/main.swift`), so the program
/// works from any working directory.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // embedding-walkthrough
    .deletingLastPathComponent()  // Sources
    .deletingLastPathComponent()  // EmbeddingHedgeplan
    .deletingLastPathComponent()  // Examples
    .deletingLastPathComponent()  // the repository

/// A path as short as possible for printing: relative to the working directory when the
/// file is under it (diagnostics then read `strategies/x.yaml:12:5`, like the CLI's).
func displayPath(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath + "/"
    let path = url.standardizedFileURL.path
    return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
}

func section(_ title: String) {
    print("\n== \(title) " + String(repeating: "=", count: max(0, 72 - title.count)))
}

// MARK: - 1. Load a strategy file

/// `StrategyLoader.load(path:)` reads the file (with a size limit), parses the YAML with
/// every node's line and column, and decodes it into a typed `Strategy`. It returns a
/// `LoadedStrategy` in every case, even for a missing or malformed file: look at
/// `diagnostics` (and `isIOFailure`) before using `strategy`.
///
/// Without `market.as_of`, durations such as `expiry: 7d` count from `now:`, which
/// defaults to the current time; pass a fixed `Instant` for reproducible results.
let strategyPath = CommandLine.arguments.dropFirst().first
    ?? displayPath(repositoryRoot.appendingPathComponent("strategies/eth-iron-condor-perp-hedged.yaml"))

section("1. Load \(strategyPath)")
let loaded = StrategyLoader.load(path: strategyPath)
print("diagnostics: \(loaded.diagnostics.count), errors: \(loaded.hasErrors), I/O failure: \(loaded.isIOFailure)")

// MARK: - 2. Print its diagnostics

/// `DiagnosticRenderer` makes the three forms the CLI prints: `.text`
/// (`PATH:LINE:COLUMN: severity: message [rule-id]` with the source line and a caret, when
/// it is given the file's text), `.json` and `.sarif`. Give it the source text by path
/// so that it can quote the offending line.
section("2. Diagnostics")
var sources: [String: String] = [:]
if let source = loaded.source { sources[source.path] = source.text }
let renderer = DiagnosticRenderer(sources: sources)
if loaded.diagnostics.isEmpty {
    print("no problems")
} else {
    print(renderer.render(loaded.diagnostics, as: .text), terminator: "")
}

/// The same exit codes as `hedgeplan validate`: 1 when the input has errors, another
/// non-zero code when the file could not be read at all.
if loaded.isIOFailure { exit(74) }
guard let strategy = loaded.strategy, !loaded.hasErrors else {
    print("the strategy has errors; fix them and run again")
    exit(1)
}

// MARK: - 3. Walk the typed IR

section("3. The strategy")

/// Every value that came from the file is `Located`: `.value` is the typed value and
/// `.location` says where it was written (file, line, column). Later stages use the
/// location to point their own diagnostics at the right node; so can you.
print("name:        \(strategy.name.value)  (declared at \(strategy.name.location))")
if let description = strategy.description { print("description: \(description)") }
print("underlying:  \(strategy.underlying.value): quantities in \(strategy.underlying.value.base), money in \(strategy.underlying.value.quote)")
if let structure = strategy.structure {
    print("template:    \(structure.value.rawValue), expanded into \(strategy.legs.count) legs")
}
if let kind = strategy.declaredKind {
    print("kind:        \(kind.value.rawValue) (explicit legs, shape-checked)")
}
print("valued at:   \(strategy.valuationTime)" + (strategy.valuationTimeIsAsOf ? " (market.as_of)" : " (the current time: no market.as_of)"))

/// The market: every percentage is a fraction in the IR (`65%` is `0.65`).
let market = strategy.market
print("\nmarket")
print("  spot        \(market.spot.map { formatNumber($0.value) } ?? "(from the feed)") \(strategy.underlying.value.quote) per \(strategy.underlying.value.base)")
print("  volatility  \(market.volatility.map { "\(formatNumber($0.value * 100))%" } ?? "(not given)")")
print("  rate        \(formatNumber(market.rate.value * 100))%")
switch market.model.value {
case .blackScholes:
    print("  model       black-scholes")
case .merton(let jumps):
    print("  model       merton: \(formatNumber(jumps.intensity)) jumps a year, log-jump mean \(formatNumber(jumps.meanLog * 100))%, stdev \(formatNumber(jumps.volatility * 100))%")
}

/// An expiry is a duration from the valuation time (`7d`) or an instant; a duration
/// resolves to an instant against `strategy.valuationTime`.
func describe(_ expiry: Expiry, from valuation: Instant) -> String {
    switch expiry {
    case .after(let duration): return "\(duration) -> \(valuation.adding(duration))"
    case .at(let instant): return instant.description
    }
}

/// A price for people: at most two decimals (`3000 * 1.1` is 3300.0000000000005 in binary).
func price(_ value: Double) -> String { formatNumber((value * 100).rounded() / 100) }

/// A strike is kept as written (a price, `+10%`, `atm`, or `{ delta: 0.25 }`): relative
/// and at-the-money strikes resolve against spot; delta strikes need the pricing model.
func describe(_ strike: Strike, spot: Double?) -> String {
    switch strike {
    case .absolute: return strike.description
    case .delta: return "\(strike.description) (resolved by the model)"
    case .relative, .atTheMoney:
        return strike.level(spot: spot).map { "\(strike.description) = \(price($0))" } ?? strike.description
    }
}

/// Legs come from the template first (ids like `iron-condor.short-put`), then the
/// explicit `legs:`. Quantities are in BASE; `signedQuantity` is negative for shorts.
print("\nlegs")
let (base, quote) = (strategy.underlying.value.base, strategy.underlying.value.quote)
for leg in strategy.legs {
    var terms: [String] = []
    switch leg.instrument {
    case .option(let option):
        terms.append("strike \(describe(option.strike.value, spot: market.spot?.value))")
        terms.append("expiry \(describe(option.expiry.value, from: strategy.valuationTime))")
    case .future(let expiry):
        terms.append("expiry \(describe(expiry.value, from: strategy.valuationTime))")
    case .spot, .perp:
        break
    case .liquidity(let liquidity):
        terms.append("venue \(liquidity.venue.value)")
        terms.append(liquidity.range.map { "range [\(price($0.value.lower)), \(price($0.value.upper))]" } ?? "full range")
        terms.append("capital \(price(liquidity.capital.value)) \(quote)")
    }
    if let quantity = leg.signedQuantity { terms.append("quantity \(formatNumber(quantity)) \(base)") }
    if let premium = leg.premium { terms.append("premium \(price(premium.value)) \(quote)/\(base)") }
    let id = leg.id.value.padding(toLength: 26, withPad: " ", startingAt: 0)
    let side = leg.side.value.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)
    let type = leg.instrument.type.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)
    print("  \(id) \(side) \(type) " + terms.joined(separator: ", "))
}

/// The hedge policy, as the compiler will read it.
print("\nhedge")
if let hedge = strategy.hedge {
    print("  instrument  \(hedge.instrument.value.rawValue)")
    if let delta = hedge.delta {
        var policy = "  delta       target \(formatNumber(delta.target.value)) \(strategy.underlying.value.base), trigger \(delta.trigger.value.rawValue)"
        if let band = delta.band { policy += ", band ±\(formatNumber(band.value))" }
        if let interval = delta.interval { policy += ", every \(interval.value)" }
        if let riskAversion = delta.riskAversion { policy += ", risk aversion \(formatNumber(riskAversion.value))" }
        print(policy)
        switch delta.adaptVolatility?.value {
        case .ewma(let decay)?: print("  adapt       volatility: EWMA, decay \(formatNumber(decay))")
        case .garch?: print("  adapt       volatility: GARCH(1,1)")
        case nil: break
        }
        if delta.adaptGas?.value == true { print("  adapt       gas: widen the band when gas is dear") }
    }
    if let vega = hedge.vega {
        let option = vega.option.value
        print("  vega        band \(formatNumber(vega.band.value)) \(strategy.underlying.value.quote)/pt with \(option.type.rawValue) \(option.strike.value) \(option.expiry.value)")
    }
    if let gamma = hedge.gamma { print("  gamma       scalp: \(gamma.scalp.value)") }
} else {
    print("  (none: the strategy is not hedged)")
}

if let execution = strategy.execution {
    print("\nvenues (routing: \(execution.routing.value.rawValue))")
    for venue in execution.venues {
        print("  \(venue.name.value): \(venue.kind.name), fee \(formatNumber(venue.fee.value * 100))%")
    }
}
if let risk = strategy.risk, let maxLoss = risk.maxLoss {
    print("\ndeclared max loss: \(formatNumber(maxLoss.value)) \(strategy.underlying.value.quote) (line \(maxLoss.location.line))")
}

// MARK: - 4. In-memory YAML with a mistake, and reacting to it in code

/// A strategy built in memory (from a form, a database, an API request) is loaded with
/// `StrategyLoader.load(text:path:)`; `path` is only the name diagnostics use. This one
/// has a deliberate mistake: the short put is written below the long put, which breaks
/// the iron condor's rule long put < short put < short call < long call.
section("4. In-memory YAML with a mistake")
let draft = """
    hedgeplan: 1
    name: generated-condor
    underlying: ETH/USDC
    market:
      as_of: 2026-11-27T08:00:00Z
      spot: 3000
      volatility: 65%
    structure:
      iron-condor:
        quantity: 5
        puts: [2700, 2500]
        calls: [3300, 3500]
        expiry: 7d
    """
let draftPath = "<generated>/condor.yaml"
let checked = StrategyLoader.load(text: draft, path: draftPath)
print(DiagnosticRenderer(sources: [draftPath: draft]).render(checked.diagnostics, as: .text), terminator: "")

/// React by rule id, not by message text: rule ids are stable (configuration and SARIF
/// viewers use them), messages may be reworded. Each diagnostic also carries the line and
/// column of the node at fault, which is how an editor or a web form highlights it.
var fixable = false
for diagnostic in checked.diagnostics where diagnostic.severity == .error {
    switch diagnostic.rule {
    case .templateShape:
        print("-> shape error at line \(diagnostic.location.line), column \(diagnostic.location.column): highlight that strike in the form")
        fixable = true
    case .unknownKey:
        print("-> a misspelt key; the message carries a \"did you mean\" hint: \(diagnostic.message)")
    case .pastExpiry:
        print("-> the expiry has passed: roll it forward or refresh market.as_of")
    default:
        print("-> [\(diagnostic.rule)] \(diagnostic.message)")
    }
}

/// Machines get JSON: the array `hedgeplan validate --format json` prints.
print("\nas JSON:")
print(DiagnosticRenderer().render(checked.diagnostics, as: .json), terminator: "")

/// Having found the problem, fix the input and load it again: the repaired strategy has
/// no diagnostics, and its legs are ready for the next stage.
if fixable {
    let repaired = draft.replacingOccurrences(of: "puts: [2700, 2500]", with: "puts: [2500, 2700]")
    let reloaded = StrategyLoader.load(text: repaired, path: draftPath)
    print("\nafter swapping the put strikes: \(reloaded.diagnostics.count) diagnostics")
    if let fixed = reloaded.strategy, !reloaded.hasErrors {
        let legs = fixed.legs.map { leg in
            "\(leg.id.value) \(leg.instrument.option.map { $0.strike.value.description } ?? "")"
        }
        print("legs: " + legs.joined(separator: ", "))
    }
}
