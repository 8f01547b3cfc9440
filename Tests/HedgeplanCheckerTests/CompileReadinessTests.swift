import Foundation
import HedgeplanChecker
import HedgeplanDiagnostics
import HedgeplanIR
import Testing

/// `validate` reports the compiler's strategy-only errors, with the compiler's message at
/// the compiler's location (issue 14: a file `validate` accepts must compile). Each case
/// edits the bundled short straddle, whose hedge has `adapt.gas` and a vega option.
struct CompileReadinessTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let now = Instant(iso8601: "2026-11-25T12:00:00Z")!

    static func straddle(replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOf: root.appendingPathComponent("strategies/eth-short-straddle-hedged.yaml"), encoding: .utf8)
        #expect(text.contains(old), "the fixture no longer contains \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    static func validate(_ text: String) throws -> [Diagnostic] {
        let loaded = StrategyLoader.load(text: text, path: "s.yaml", now: now)
        let strategy = try #require(loaded.strategy, "\(loaded.diagnostics.map(\.message))")
        #expect(!loaded.hasErrors)
        return Checker.check(strategy).diagnostics.filter { $0.severity == .error }
    }

    /// 1-based line and column of the first occurrence of `needle`.
    static func position(of needle: String, in text: String) -> (line: Int, column: Int) {
        let prefix = text[..<text.range(of: needle)!.lowerBound]
        let line = prefix.split(separator: "\n", omittingEmptySubsequences: false).count
        let column = (prefix.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0) + 1
        return (line, column)
    }

    @Test func theBundledStrategyHasNoCompileErrors() throws {
        #expect(try Self.validate(Self.straddle(replacing: "hedge:", with: "hedge:")).isEmpty)
    }

    @Test func aVegaOptionExpiringAtAnInstantNeedsAsOf() throws {
        let text = try Self.straddle(replacing: "expiry: 30d }", with: "expiry: 2026-12-25T08:00:00Z }")
        let errors = try Self.validate(text)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.rule == .compile)
        #expect(error.message == "a vega hedge option expiring at an instant needs `market.as_of` (or give its expiry as a duration, like 30d)")
        let at = Self.position(of: "2026-12-25T08:00:00Z", in: text)
        #expect(error.location.line == at.line && error.location.column == at.column)
    }

    @Test func withAsOfTheInstantExpiryValidates() throws {
        let text = try Self.straddle(replacing: "expiry: 30d }", with: "expiry: 2026-12-25T08:00:00Z }")
            .replacingOccurrences(of: "  rate: 4%\n", with: "  rate: 4%\n  as_of: 2026-11-25T08:00:00Z\n")
        #expect(try Self.validate(text).isEmpty)
    }

    @Test func aDeltaStrikeOnAnAlreadyExpiredVegaOptionCannotBeResolved() throws {
        let text = try Self.straddle(replacing: "strike: atm, expiry: 30d }", with: "strike: { delta: 0.25 }, expiry: 2026-01-01T00:00:00Z }")
            .replacingOccurrences(of: "  rate: 4%\n", with: "  rate: 4%\n  as_of: 2026-11-25T08:00:00Z\n")
        let errors = try Self.validate(text)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.message == "the vega hedge option's strike cannot be resolved")
        let at = Self.position(of: "{ delta: 0.25 }", in: text)
        #expect(error.location.line == at.line)
    }

    @Test func adaptGasNeedsExecutionGas() throws {
        let text = try Self.straddle(replacing: "  gas: { price: 0.05 gwei, per_trade: 400000, native: ETH }", with: "")
        let errors = try Self.validate(text)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.message == "`adapt.gas` scales the band with the gas cost of a trade: declare `execution.gas`")
        let at = Self.position(of: "gas: true", in: text)
        #expect(error.location.line == at.line)
    }

    @Test func gasPaidInAThirdTokenCannotBePriced() throws {
        let text = try Self.straddle(replacing: "native: ETH }", with: "native: MATIC }")
        let errors = try Self.validate(text)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.message.hasPrefix("gas is paid in MATIC, which is neither ETH nor USDC"))
        let at = Self.position(of: "gas: true", in: text)
        #expect(error.location.line == at.line)
    }

    /// A leg whose size at the market's spot is beyond 1e12 QUOTE (the plan format's limit:
    /// doubles lose cents past it) is an error at `validate`, where the quantity is.
    @Test func aLegBeyondATrillionQuoteIsRefusedAtItsQuantity() throws {
        let text = try Self.straddle(replacing: "quantity: 20 ", with: "quantity: 400000000 ")
        // (The straddle's greek bands are broken too; only the size error is this test's.)
        let errors = try Self.validate(text).filter { $0.message.contains("booked to the cent") }
        let at = Self.position(of: "400000000", in: text)
        // Each leg of the straddle template carries the template's quantity, so both say so.
        #expect(errors.map(\.message) == Array(repeating:
            "400,000,000 ETH at spot 3,000 is more than 1e12 USDC: amounts that large cannot be booked to the cent", count: 2))
        #expect(errors.allSatisfy { ($0.location.line, $0.location.column) == (at.line, at.column) })
    }
}
