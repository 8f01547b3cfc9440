import Foundation
import HedgeplanIR
import Testing
import HedgeplanTestSupport

/// `tune --write-strategy` changes the `hedge.delta` section and no other byte.
struct HedgeDeltaEditTests {
    static let flow = "{ target: 0, trigger: band, band: 2 }"

    @Test func aBlockSectionIsReplacedAndEveryOtherLineKept() throws {
        let text = """
            hedgeplan: 1   # header comment
            name: x
            hedge:
              instrument: perp   # keep me
              delta:             # the policy
                target: 0
                trigger: hybrid

                # a comment inside the section
                band: 1
                interval: 4h
                adapt: { volatility: ewma, gas: true }
              vega:
                band: 25
            execution:
              venues: []
            """
        let edited = try HedgeDeltaEdit.replacing(in: text, path: "s.yaml", with: Self.flow)
        #expect(edited == """
            hedgeplan: 1   # header comment
            name: x
            hedge:
              instrument: perp   # keep me
              delta: { target: 0, trigger: band, band: 2 }
              vega:
                band: 25
            execution:
              venues: []
            """)
    }

    @Test func aFlowSectionIsReplacedBetweenItsBraces() throws {
        let text = "hedge:\r\n  instrument: perp\r\n  delta: { target: 0, trigger: band, band: 1 }   # trailing\r\nroll: { every: 7d }\r\n"
        let edited = try HedgeDeltaEdit.replacing(in: text, path: "s.yaml", with: Self.flow)
        #expect(edited == "hedge:\r\n  instrument: perp\r\n  delta: \(Self.flow)   # trailing\r\nroll: { every: 7d }\r\n")
    }

    @Test func aMissingDeltaIsInsertedFirstInHedge() throws {
        let text = "name: x\nhedge:\n    instrument: perp\n    vega: { band: 3 }\n"
        #expect(try HedgeDeltaEdit.replacing(in: text, path: "s.yaml", with: Self.flow)
            == "name: x\nhedge:\n    delta: \(Self.flow)\n    instrument: perp\n    vega: { band: 3 }\n")
    }

    @Test func aStrategyWithoutHedgeIsRefusedWithALocation() {
        #expect(throws: HedgeDeltaEdit.Failure.self) { try HedgeDeltaEdit.replacing(in: "name: x\n", path: "s.yaml", with: Self.flow) }
        do {
            _ = try HedgeDeltaEdit.replacing(in: "name: x\nlegs: []\n", path: "s.yaml", with: Self.flow)
        } catch {
            #expect(error.location.file == "s.yaml")
            #expect(error.message.contains("no `hedge:` section"))
        }
    }

    /// The bundled condor: the edit is confined to its delta block.
    @Test func theBundledCondorKeepsEveryLineOutsideTheSection() throws {
        let root = PackageRoot.url
        let text = try String(contentsOf: root.appendingPathComponent("strategies/eth-iron-condor-perp-hedged.yaml"), encoding: .utf8)
        let edited = try HedgeDeltaEdit.replacing(in: text, path: "c.yaml", with: Self.flow)
        let before = text.components(separatedBy: "\n"), after = edited.components(separatedBy: "\n")
        let start = try #require(before.firstIndex { $0.hasPrefix("  delta:") })
        let end = try #require(before.firstIndex { $0.hasPrefix("  vega:") })
        #expect(Array(after[..<start]) == Array(before[..<start]))
        #expect(after[start] == "  delta: \(Self.flow)")
        #expect(Array(after[(start + 1)...]) == Array(before[end...]))
    }
}
