import Foundation
import HedgeplanDiagnostics
import Testing
@testable import hedgeplan
import HedgeplanTestSupport

/// Every rule id the program can emit has a description in SARIF's `rules` table (issue 9,
/// item 6): the ids are found by scanning the sources for their declarations, so a new
/// rule without a description fails here.
struct RuleDescriptionTests {
    static func declaredRuleIDs() throws -> Set<String> {
        let sources = HedgeplanProcess.packageRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path))
        let declaration = #/RuleID = "([a-z0-9-]+)"/#
        var ids = Set<String>()
        while let file = files.nextObject() as? String {
            guard file.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: declaration) { ids.insert(String(match.output.1)) }
        }
        return ids
    }

    @Test func everyDeclaredRuleHasADescription() throws {
        let ids = try Self.declaredRuleIDs()
        #expect(ids.count >= 40, "the scan found \(ids.count) rule ids")
        for id in ids.sorted() {
            let description = RuleDescriptions.all[RuleID(rawValue: id)]
            #expect(description != nil && description != id, "rule \(id) has no description")
        }
    }

    @Test func sarifDescribesTheCheckersRules() throws {
        let result = try HedgeplanProcess.run(["validate", "hedge-not-offered.yaml", "--format", "sarif"], in: BadInputCorpusTests.corpus)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(!rules.isEmpty)
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            let text = (rule["shortDescription"] as? [String: Any])?["text"] as? String
            #expect(text != nil && text != id, "SARIF shows the bare id \(id)")
        }
    }
}
