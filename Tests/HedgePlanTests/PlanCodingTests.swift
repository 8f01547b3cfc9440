import Foundation
import Testing
@testable import HedgePlan

/// The plan's JSON is canonical: the same plan gives the same bytes, decoding and
/// re-encoding gives them back, and readers refuse what they cannot read.
struct PlanCodingTests {
    static let plan = HedgingPlan(
        compiler: CompilerInfo(name: "hedgeplan", version: "0.1.0"),
        source: SourceInfo(path: "s.yaml", sha256: String(repeating: "ab", count: 32)),
        strategy: StrategyInfo(name: "s", description: nil, base: "ETH", quote: "USDC"),
        clock: PlanClock(anchor: .runStart, asOf: nil),
        market: MarketAssumptions(spot: 3000, volatility: 0.65, rate: 0.04, model: ModelSpec(kind: .blackScholes)),
        legs: [PlanLeg(id: "c", instrument: .call, quantity: -10, strike: 3300.0000000000005,
                       strikeRule: StrikeRule(kind: "relative", value: 0.1), expiry: PlanExpiry(offsetSeconds: 604_800, instant: nil),
                       premium: 0.1 + 0.2, premiumSource: "model")],
        hedge: nil, execution: nil, safety: [], roll: nil,
        inception: InceptionFigures(netPremium: 1e-7, maxLoss: nil, maxProfit: 1e21, delta: -0.0, gamma: 2.5e-300, vega: 1, theta: -3))

    @Test func encodingIsDeterministicAndRoundTrips() throws {
        let bytes = PlanCoding.encode(Self.plan)
        #expect(PlanCoding.encode(Self.plan) == bytes)
        let decoded = try PlanCoding.decode(bytes)
        #expect(decoded == Self.plan)
        #expect(PlanCoding.encode(decoded) == bytes)
    }

    @Test func keysAreSortedSnakeCaseAndTheFileEndsWithANewline() throws {
        let text = String(decoding: PlanCoding.encode(Self.plan), as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"premium_source\" : \"model\""))
        let compiler = try #require(text.range(of: "\"compiler\""))
        let version = try #require(text.range(of: "\"version\" : 1"))
        #expect(compiler.lowerBound < version.lowerBound, "top-level keys in order")
        #expect(text.contains("\"format\" : \"hedgeplan.plan\""))
    }

    @Test func refusesOtherFormatsAndNewerVersions() {
        #expect(throws: PlanCoding.DecodingError.notAPlan("something")) {
            try PlanCoding.decode(Data(#"{"format": "something", "version": 1}"#.utf8))
        }
        #expect(throws: PlanCoding.DecodingError.unsupportedVersion(2)) {
            try PlanCoding.decode(Data(#"{"format": "hedgeplan.plan", "version": 2}"#.utf8))
        }
        #expect(throws: PlanCoding.DecodingError.malformed("not a JSON object")) {
            try PlanCoding.decode(Data("strategy: yaml".utf8))
        }
    }
}
