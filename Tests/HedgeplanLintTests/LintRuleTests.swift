import Foundation
import HedgeplanDiagnostics
import HedgeplanIR
import HedgeplanTime
import Pricing
import Testing
@testable import HedgeplanChecker

/// Each rule on small strategies: what it must report (rule, line, a fragment of the
/// message) and what it must leave alone.
struct LintRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        /// (rule id, line, message fragment) for every lint finding expected; validate's own
        /// diagnostics are ignored.
        var expected: [(rule: String, line: Int, fragment: String)]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "naked short call and put", yaml: LintHarness.eth("""
            legs:
              - { id: c, side: short, type: call, strike: 3300, expiry: 7d, quantity: 10 }
              - { id: p, side: short, type: put, strike: 2700, expiry: 7d, quantity: 5 }
              - { id: s, side: long, type: spot, quantity: 4 }
            """), expected: [
                ("short-option-unhedged", 10, "net short 6 ETH of calls"),
                ("breakers-missing-for-unbounded-loss", 10, "falls 6 USDC per 1 USDC"),
                ("short-option-unhedged", 11, "net short 5 ETH of puts"),
            ]),
        Case(name: "covered call is covered", yaml: LintHarness.eth("""
            structure:
              covered-call: { quantity: 10, strike: 3300, expiry: 7d }
            """), expected: []),
        Case(name: "cash-secured put reserves cash", yaml: LintHarness.eth("""
            structure:
              cash-secured-put: { quantity: 10, strike: 2700, expiry: 7d }
            """), expected: []),
        Case(name: "a short call with breakers but no hedge", yaml: LintHarness.eth("""
            legs:
              - { id: c, side: short, type: call, strike: 3300, expiry: 7d, quantity: 1 }
            safety:
              circuit_breakers:
                - { when: drawdown, above: 20%, then: flatten }
            """), expected: [("short-option-unhedged", 10, "net short 1 ETH of calls")]),
        // Gamma of a 20-ETH ATM 14-day straddle at 60%: -0.0452 ETH per USDC. λ = 0.05% +
        // 25e-9 x 150,000 x 3000 / (0.05 x 3000) = 0.0005 + 11.25 / 150 = 7.55%.
        // h = (1.5 x e^(-0.04 x 14/365) x 0.0755 x 3000 x 0.0452² / 1)^(1/3) = 0.885 ETH.
        // Gas is paid on pool trades (as at run time): hedged on a pool, a 0.05 ETH
        // rebalance costs 0.05% + 11.25 USDC of gas, λ = 7.55%, optimum 0.884 ETH.
        Case(name: "band narrower than cost", yaml: LintHarness.eth("""
            structure:
              straddle: { side: short, quantity: 20, strike: 3000, expiry: 14d }
            hedge:
              instrument: spot
              delta: { target: 0, trigger: band, band: 0.05 }
            execution:
              venues:
                - { name: pool, kind: constant-product, reserves: { base: 100000, quote: 300000000 }, fee: 0.05% }
              gas: { price: 25 gwei, per_trade: 150000, native: ETH }
            safety:
              circuit_breakers:
                - { when: feed_stale, above: 60s, then: halt }
            """), expected: [("band-narrower-than-cost", 13, "optimal half-width 0.88")]),
        // Perps are off chain: the same band hedged on a perp pays the fee alone (λ = 0.05%),
        // optimum (1.5 · e^{-0.04 · 14/365} · 0.0005 · 3000 · 0.0452² / 1)^{1/3} = 0.166 ETH.
        Case(name: "a perp hedge pays no gas", yaml: LintHarness.eth("""
            structure:
              straddle: { side: short, quantity: 20, strike: 3000, expiry: 14d }
            hedge:
              instrument: perp
              delta: { target: 0, trigger: band, band: 0.05 }
            execution:
              venues:
                - { name: perp, kind: perp, fee: 0.05% }
              gas: { price: 25 gwei, per_trade: 150000, native: ETH }
            safety:
              circuit_breakers:
                - { when: feed_stale, above: 60s, then: halt }
            """), expected: [("band-narrower-than-cost", 13, "optimal half-width 0.166 ETH: a rebalance of 0.05 ETH costs 0.07 USDC (0.05% fee; λ = 0.05%)")]),
        Case(name: "a band wider than the optimum is fine", yaml: LintHarness.eth("""
            structure:
              straddle: { side: short, quantity: 20, strike: 3000, expiry: 14d }
            hedge:
              instrument: perp
              delta: { target: 0, trigger: band, band: 1 }
            execution:
              venues:
                - { name: perp, kind: perp, fee: 0.05% }
              gas: { price: 25 gwei, per_trade: 150000, native: ETH }
            safety:
              circuit_breakers:
                - { when: feed_stale, above: 60s, then: halt }
            """), expected: []),
        Case(name: "gas in an unpriced token is left out and said", yaml: LintHarness.eth("""
            structure:
              straddle: { side: short, quantity: 20, strike: 3000, expiry: 14d }
            hedge:
              instrument: spot
              delta: { target: 0, trigger: hybrid, band: 0.05, interval: 1h }
            execution:
              venues:
                - { name: pool, kind: constant-product, reserves: { base: 100000, quote: 300000000 }, fee: 0.05% }
              gas: { price: 25 gwei, per_trade: 150000, native: MATIC }
            safety:
              circuit_breakers:
                - { when: feed_stale, above: 60s, then: halt }
            """), expected: [("band-narrower-than-cost", 13, "gas not counted: the price of MATIC in USDC is unknown")]),
        Case(name: "band wider than delta", yaml: LintHarness.eth("""
            structure:
              iron-condor: { quantity: 1, puts: [2600, 2800], calls: [3200, 3400], expiry: 7d }
            hedge:
              instrument: perp
              delta: { target: 0, trigger: band, band: 5 }
            execution:
              venues:
                - { name: perp, kind: perp, fee: 0.05% }
            safety:
              circuit_breakers:
                - { when: feed_stale, above: 60s, then: halt }
            """), expected: [("band-wider-than-delta", 13, "Σ|leg delta| = 0.53")]),
        Case(name: "premium off model, and below intrinsic", yaml: LintHarness.eth("""
            legs:
              - { id: fair, side: long, type: call, strike: 3200, expiry: 7d, quantity: 1, premium: 33 }
              - { id: rich, side: long, type: call, strike: 3200, expiry: 7d, quantity: 1, premium: 150 }
              - { id: cheap, side: long, type: put, strike: 3500, expiry: 7d, quantity: 1, premium: 400 }
            """), expected: [
                ("premium-off-model", 11, "implies 137.9% volatility"),
                ("premium-off-model", 12, "below the option's discounted intrinsic value 497.32"),
            ]),
        Case(name: "strike off grid and odd BTC quantity", yaml: LintHarness.btc("""
            structure:
              vertical-spread: { type: call, quantity: 0.25, strikes: [95000, 101234], expiry: 2026-12-25T08:00:00Z }
            """), expected: [
                ("quantity-not-contract-multiple", 10, "use 0.2 or 0.3"),
                ("strike-off-grid", 10, "nearest listed strikes are 101,000 and 101,500"),
            ]),
        Case(name: "relative and delta strikes are the compiler's to place", yaml: LintHarness.eth("""
            legs:
              - { id: a, side: long, type: call, strike: "+7%", expiry: 7d, quantity: 1 }
              - { id: b, side: long, type: call, strike: { delta: 0.3 }, expiry: 7d, quantity: 1 }
            """), expected: []),
        Case(name: "unlisted expiries", yaml: LintHarness.eth("""
            legs:
              - { id: a, side: long, type: call, strike: 3200, expiry: 2026-12-03T12:00:00Z, quantity: 1 }
              - { id: b, side: long, type: call, strike: 3200, expiry: 2027-01-06T08:00:00Z, quantity: 1 }
              - { id: c, side: long, type: put, strike: 2800, expiry: 2027-03-19T08:00:00Z, quantity: 1 }
              - { id: d, side: long, type: put, strike: 2800, expiry: 2027-03-26T08:00:00Z, quantity: 1 }
              - { id: e, side: long, type: put, strike: 2800, expiry: 13d, quantity: 1 }
            """), expected: [
                ("expiry-not-listed", 10, "at 12:00 UTC"),
                ("expiry-not-listed", 11, "is a Wednesday; beyond 30 days"),
                ("expiry-not-listed", 12, "nearest listed expiry is 2027-03-26T08:00:00Z"),
            ]),
        Case(name: "gas with no native token on BTC", yaml: LintHarness.btc("""
            legs:
              - { id: s, side: long, type: spot, quantity: 1 }
            execution:
              venues:
                - { name: perp, kind: perp, fee: 0.05% }
              gas: { price: 1 gwei, per_trade: 200000 }
            """), expected: [("gas-native-token-mismatch", 14, "priced in BTC")]),
        Case(name: "hedge with no stale-feed breaker", yaml: LintHarness.eth("""
            legs:
              - { id: s, side: long, type: spot, quantity: 10 }
            hedge:
              instrument: perp
              delta: { target: 0, trigger: interval, interval: 1h }
            execution:
              venues:
                - { name: perp, kind: perp, fee: 0.05% }
            """), expected: [("hedge-without-stale-feed-breaker", 12, "no circuit breaker watches the feed")]),
        // Hourly feeds (the bundled history, OHLCV files) have a 3,600 s step: a 10m window is
        // below it, 1h is not.
        Case(name: "price_move window under an hour", yaml: LintHarness.eth("""
            structure:
              covered-call: { quantity: 10, strike: 3300, expiry: 7d }
            safety:
              circuit_breakers:
                - { when: price_move, window: 10m, above: 8%, then: halt }
                - { when: price_move, window: 1h, above: 15%, then: halt }
                - { when: price_move, window: 59m, above: 12%, then: halt }
            """), expected: [
                ("price-move-window-below-feed-step", 13, "the price_move window 10m is shorter than 1 hour"),
                ("price-move-window-below-feed-step", 15, "trips on a move of 12% in one hour"),
            ]),
        Case(name: "roll shorter than expiry", yaml: LintHarness.eth("""
            structure:
              covered-call: { quantity: 10, strike: 3300, expiry: 14d }
            roll: { every: 7d, strikes: relative }
            """), expected: [("roll-misaligned-with-expiry", 11, "before its first option expires (14 days)")]),
    ]

    @Test(arguments: cases)
    func rule(_ c: Case) {
        let lintIDs = Set(LintRegistry.ids)
        let found = LintHarness.lint(c.yaml).filter { lintIDs.contains($0.rule) }
        #expect(found.count == c.expected.count, "\(found.map { "\($0.location): \($0.message) [\($0.rule)]" })")
        for (diagnostic, expected) in zip(found, c.expected) {
            #expect(diagnostic.rule.rawValue == expected.rule)
            #expect(diagnostic.location.line == expected.line, "\(diagnostic.message)")
            #expect(diagnostic.message.contains(expected.fragment), "\(diagnostic.message)")
        }
    }

    // MARK: Whalley-Wilmott

    struct WidthCase: Sendable {
        var lambda, spot, gamma, riskAversion, rate, years, expected: Double
    }

    @Test(arguments: [
        // 1.5 x 0.002 x 1000 x 0.05² / 0.9375 = 0.008, whose cube root is 0.2.
        WidthCase(lambda: 0.002, spot: 1_000, gamma: 0.05, riskAversion: 0.9375, rate: 0, years: 1, expected: 0.2),
        // 1.5 x e^-0.05 x 0.001 x 3000 x 0.01² / 2 = 2.14027e-4; cube root 0.0598167.
        WidthCase(lambda: 0.001, spot: 3_000, gamma: -0.01, riskAversion: 2, rate: 0.05, years: 1, expected: 0.0598167),
        // The straddle case above: 0.884959.
        WidthCase(lambda: 0.0755, spot: 3_000, gamma: -0.0452, riskAversion: 1, rate: 0.04, years: 14.0 / 365, expected: 0.884959),
        // No gamma, no band to speak of.
        WidthCase(lambda: 0.01, spot: 3_000, gamma: 0, riskAversion: 1, rate: 0.04, years: 1, expected: 0),
    ])
    func whalleyWilmott(_ c: WidthCase) {
        let h = BandNarrowerThanCost.optimalHalfWidth(
            proportionalCost: c.lambda, spot: c.spot, gamma: c.gamma, riskAversion: c.riskAversion, rate: c.rate, years: c.years)
        #expect(abs(h - c.expected) < 1e-6)
    }

    @Test func consistentBandIsAFixedPoint() {
        // h(b) = (0.008 x (0.001 + 1 / b))^(1/3) style: any decreasing h has one fixed point.
        let h = { (b: Double) in cbrt(0.3 * (0.0005 + 0.02 / b)) }
        let b = HedgeTradeCost.fixedPoint(low: 0.01, high: h(0.01), of: h)
        #expect(abs(h(b) - b) < 1e-9)
    }

    @Test func gasCost() throws {
        func gas(_ native: String) throws -> GasCost {
            let yaml = LintHarness.eth("""
                legs:
                  - { id: s, side: long, type: spot, quantity: 1 }
                execution:
                  venues:
                    - { name: perp, kind: perp, fee: 0.05% }
                  gas: { price: 25 gwei, per_trade: 150000, native: \(native) }
                """)
            return try #require(LintHarness.check(yaml).strategy?.execution?.gas)
        }
        let eth = try #require(LintHarness.check(LintHarness.eth("legs: []")).strategy?.underlying.value)
        // 25 gwei x 1e-9 x 150,000 gas = 0.00375 ETH; at 3000 USDC = 11.25 USDC.
        #expect(abs(DeclaredHedgeCost.gasInQuote(try gas("ETH"), spot: 3_000, underlying: eth)! - 11.25) < 1e-9)
        // Paid in QUOTE: 0.00375 USDC.
        #expect(abs(DeclaredHedgeCost.gasInQuote(try gas("USDC"), spot: 3_000, underlying: eth)! - 0.00375) < 1e-12)
        #expect(DeclaredHedgeCost.gasInQuote(try gas("MATIC"), spot: 3_000, underlying: eth) == nil)
        // No `native`: the compiler and the runtime pay gas in BASE, and so does the cost model.
        #expect(abs(DeclaredHedgeCost.gasInQuote(try gas("\"\""), spot: 3_000, underlying: eth)! - 11.25) < 1e-9)
    }

    // MARK: Grids, contracts, calendars

    @Test(arguments: [(3_000.0, 50.0), (90_000, 500), (150, 5), (1.2, 0.05), (999, 5), (1_000, 50), (25_000, 500)])
    func gridStep(_ spot: Double, _ step: Double) {
        #expect(abs(StrikeOffGrid.gridStep(spot: spot) - step) < 1e-12 * step)
    }

    @Test func onGrid() {
        #expect(StrikeOffGrid.isOnGrid(3_300, step: 50))
        #expect(!StrikeOffGrid.isOnGrid(3_333, step: 50))
        #expect(StrikeOffGrid.isOnGrid(1.25, step: 0.05))
        #expect(StrikeOffGrid.isOnGrid(3_000 * 1.1, step: 50))
    }

    @Test(arguments: [("BTC", 0.1), ("btc", 0.1), ("WBTC", 0.1), ("ETH", 1.0), ("SOL", 1.0), ("DOGE", 1.0)])
    func contractSize(_ base: String, _ size: Double) {
        #expect(QuantityNotContractMultiple.contractSize(base: base) == size)
    }

    @Test func civilDates() {
        let christmas = CivilDate(daysSinceEpoch: Int64(Instant(iso8601: "2026-12-25T08:00:00Z")!.secondsSinceEpoch / 86_400))
        #expect(christmas.description == "2026-12-25" && christmas.weekdayName == "Friday" && christmas.isLastFridayOfMonth)
        let march26 = CivilDate(daysSinceEpoch: Int64(Instant(iso8601: "2027-03-26T08:00:00Z")!.secondsSinceEpoch / 86_400))
        #expect(march26.isLastFridayOfMonth)
        let march19 = CivilDate(daysSinceEpoch: Int64(Instant(iso8601: "2027-03-19T08:00:00Z")!.secondsSinceEpoch / 86_400))
        #expect(march19.weekday == CivilDate.friday && !march19.isLastFridayOfMonth)
        #expect(CivilDate(daysSinceEpoch: 0).weekdayName == "Thursday")
        #expect(CivilDate(daysSinceEpoch: -1).weekdayName == "Wednesday")
        #expect(CivilDate(daysSinceEpoch: -1).description == "1969-12-31")
    }

    @Test func listedExpiries() {
        let valuation = LintHarness.now
        func at(_ text: String) -> Instant { Instant(iso8601: text)! }
        #expect(ExpiryNotListed.problem(expiry: at("2026-12-01T08:00:00Z"), valuation: valuation) == nil)  // a daily
        #expect(ExpiryNotListed.problem(expiry: at("2026-12-01T08:30:00Z"), valuation: valuation) == .timeOfDay(8 * 3_600 + 1_800))
        #expect(ExpiryNotListed.problem(expiry: at("2027-01-08T08:00:00Z"), valuation: valuation) == nil)  // Friday, 42 days
        #expect(ExpiryNotListed.problem(expiry: at("2027-03-26T08:00:00Z"), valuation: valuation) == nil)  // quarterly
        #expect(ExpiryNotListed.nearestListed(to: at("2027-01-06T08:00:00Z"), valuation: valuation) == at("2027-01-08T08:00:00Z"))
    }

    // MARK: Bundled strategies

    /// The bundled strategies are correct as written: lint may note things, never an error.
    @Test func bundledStrategiesHaveNoErrors() throws {
        let directory = LintHarness.repository.appendingPathComponent("strategies")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 10)
        let run = Linter().lint(paths: files.map { directory.appendingPathComponent($0).path }, now: LintHarness.now, configuration: .fixed(.defaults))
        #expect(!run.hasErrors, "\(run.diagnostics.filter { $0.severity == .error }.map(\.message))")
        #expect(!run.isIOFailure)
    }
}
