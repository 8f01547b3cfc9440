import Foundation
import Testing
@testable import PlanFormat

/// The plan's JSON is canonical: the same plan gives the same bytes, decoding and
/// re-encoding gives them back, and readers refuse what they cannot read.
struct PlanCodingTests {
    static let plan = PlanFixtures.hedgedCondor

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
        #expect(text.contains("\"as_of_ms\" : 1795766400000"))
        let compiler = try #require(text.range(of: "\"compiler\""))
        let version = try #require(text.range(of: "\"version\" : 2"))
        #expect(compiler.lowerBound < version.lowerBound, "top-level keys in order")
        #expect(text.contains("\"format\" : \"hedgeplan.plan\""))
    }

    @Test func vocabulariesListTheirChoices() {
        #expect(TriggerRule.Kind.choices == "band, interval, hybrid or whalley-wilmott")
        #expect(PlanVenue.Kind.choices == "constant-product, concentrated-liquidity or perp")
        #expect(BreakerRule.Action.choices == "halt, flatten or pause")
    }
}
