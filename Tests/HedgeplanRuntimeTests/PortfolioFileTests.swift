import Foundation
import HedgeplanDiagnostics
import HedgeplanIR
import Testing
@testable import HedgeplanCompiler
@testable import HedgeplanRuntime

/// Portfolio files: what the decoder reports from the file alone, and what the compiler
/// reports against the member files, each at the line and column of the node at fault.
struct PortfolioFileTests {
    /// A folder of files for one test, removed after it.
    final class Folder {
        let path: String
        init(_ files: [String: String]) throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("portfolio-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            for (name, text) in files { try text.write(toFile: "\(path)/\(name)", atomically: true, encoding: .utf8) }
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static let perpHedger = """
        hedgeplan: 1
        name: perp-hedger
        underlying: ETH/USDC
        market: { spot: 3000, volatility: 60% }
        legs:
          - { id: c, side: short, type: call, strike: 3000, expiry: 7d, quantity: 1 }
        hedge:
          instrument: perp
          delta: { trigger: band, band: 0.1 }
        execution:
          venues:
            - { name: perp, kind: perp, fee: 0.05% }
        """

    static func compile(_ portfolio: String, members: [String: String] = ["hedger.yaml": perpHedger]) throws -> (CompiledPortfolio, Folder) {
        var files = members
        files["crowd.yaml"] = portfolio
        let folder = try Folder(files)
        return (PortfolioCompiler.compile(path: "\(folder.path)/crowd.yaml", now: RuntimeFixtures.now), folder)
    }

    /// (line, column, rule) of each error, in reading order.
    static func errors(_ compiled: CompiledPortfolio) -> [String] {
        compiled.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.rule)" }
    }

    @Test func theDesignsExampleShapeCompilesToASetup() throws {
        let (compiled, _) = try Self.compile("""
            hedgeplan: 1
            portfolio: crowd
            members:
              - { strategy: hedger.yaml, copies: 50, collateral: 20000 }
            venues:
              - { name: perp, kind: perp, fee: 0.05%, funding: 8%, mark: univ2, margin: { initial: 10%, maintenance: 5% } }
              - { name: univ2, kind: constant-product, reserves: { base: 3000, quote: 9000000 }, fee: 0.30% }
            arbitrage: 50%
            """)
        #expect(Self.errors(compiled) == [])
        let setup = try #require(compiled.setup)
        #expect(setup.arbitrage == 0.5)
        #expect(setup.members.count == 1)
        #expect(setup.members[0].copies == 50)
        #expect(setup.members[0].collateral == 20000)
        // The shared perp replaced the member's own: its funding is the portfolio's.
        #expect(setup.members[0].plan.execution?.venues.first?.funding == 0.08)
        #expect(setup.venue(named: "perp")?.margin == PortfolioSetup.Margin(initial: 0.1, maintenance: 0.05))
        #expect(setup.venue(named: "perp")?.mark == "univ2")
        // univ2 is no member's venue, but the perp marks to it: no "unused venue" warning.
        #expect(compiled.diagnostics.isEmpty)
    }

    @Test func aMissingMemberFileIsReportedAtItsPath() throws {
        let (compiled, _) = try Self.compile("""
            hedgeplan: 1
            portfolio: crowd
            members:
              - { strategy: hedger.yaml }
              - { strategy: nowhere.yaml, copies: 2 }
              - { plan: nowhere.json }
            """)
        #expect(Self.errors(compiled) == ["5:17 unresolved-reference", "6:13 unresolved-reference"])
        #expect(compiled.diagnostics[0].message == "member file `nowhere.yaml` does not exist")
        #expect(compiled.setup == nil)
    }

    @Test func copiesBelowOneAreARangeError() throws {
        let (compiled, _) = try Self.compile("""
            hedgeplan: 1
            portfolio: crowd
            members:
              - { strategy: hedger.yaml, copies: 0 }
              - { strategy: hedger.yaml, copies: -3 }
            """)
        #expect(Self.errors(compiled) == ["4:38 range", "5:38 range"])
        #expect(compiled.setup == nil)
    }

    @Test func aSharedVenueOfAnotherKindThanTheMembersIsReportedWithBothPlaces() throws {
        let (compiled, folder) = try Self.compile("""
            hedgeplan: 1
            portfolio: crowd
            members:
              - { strategy: hedger.yaml }
            venues:
              - { name: perp, kind: constant-product, reserves: { base: 10, quote: 30000 }, fee: 0.3% }
            """)
        let error = try #require(compiled.diagnostics.first { $0.rule == .inconsistent })
        #expect("\(error.location.line):\(error.location.column)" == "6:25")
        #expect(error.message == "shared venue `perp` is constant-product, and member `hedger.yaml` declares `perp` as perp")
        #expect(error.notes.first?.location == SourceLocation(file: "\(folder.path)/hedger.yaml", line: 12, column: 7))
        // With its only venue now a pool, the perp hedge has nowhere to trade.
        #expect(Self.errors(compiled) == ["4:17 feasibility", "6:25 inconsistent"])
    }

    @Test func fileLevelProblemsAreLocated() throws {
        let (compiled, _) = try Self.compile("""
            hedgeplan: 1
            portfolio: crowd
            members:
              - { strategy: hedger.yaml, plan: hedger.json }
              - { copies: 2 }
            venues:
              - { name: perp, kind: perp, fee: 0.05%, mark: univ3, margin: { initial: 5%, maintenance: 10% } }
              - { name: univ2, kind: constant-product, reserves: { base: 10, quote: 30000 }, fee: 0.3%, margin: { initial: 5%, maintenance: 1% } }
            arbitrage: 150%
            colour: red
            """)
        #expect(Self.errors(compiled) == [
            "4:30 inconsistent",  // both strategy and plan
            "5:5 missing-key",  // neither
            "7:49 unresolved-reference",  // mark names no pool
            "7:92 inconsistent",  // maintenance above initial
            "8:93 inconsistent",  // margin on a pool
            "9:12 range",  // arbitrage above 100%
            "10:1 unknown-key",
        ])
    }

    @Test func aPortfolioIsRecognisedByItsTopLevelKey() throws {
        let folder = try Folder(["a.yaml": "hedgeplan: 1\nportfolio: x\nmembers: []\n", "b.yaml": Self.perpHedger])
        #expect(PortfolioLoader.isPortfolio(path: "\(folder.path)/a.yaml"))
        #expect(!PortfolioLoader.isPortfolio(path: "\(folder.path)/b.yaml"))
        #expect(!PortfolioLoader.isPortfolio(path: "\(folder.path)/missing.yaml"))
    }

    @Test func missingTopLevelKeysNameThePortfolio() throws {
        let (compiled, _) = try Self.compile("portfolio: crowd\n")
        #expect(compiled.diagnostics.map(\.message) == [
            "the portfolio is missing the required key `hedgeplan`: Language version; 1",
            "the portfolio is missing the required key `members`: Strategies or plans, each with its copies; paths are relative to this file",
        ])
        #expect(compiled.setup == nil)
    }
}
