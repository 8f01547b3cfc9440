import Foundation
import Testing
import HedgeplanTestSupport

/// The command line contract of the design page: formats, streams and exit codes.
struct CommandLineTests {
    static let corpus = BadInputCorpusTests.corpus

    @Test func usageErrorsExit64() throws {
        #expect(try HedgeplanProcess.run(["validate"]).status == 64)
        #expect(try HedgeplanProcess.run(["validate", "x.yaml", "--format", "xml"]).status == 64)
        #expect(try HedgeplanProcess.run(["no-such-command"]).status == 64)
    }

    @Test func pinnedClockMustBeAnInstant() throws {
        let result = try HedgeplanProcess.run(["validate", "x.yaml"], environment: ["HEDGEPLAN_NOW": "yesterday"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("HEDGEPLAN_NOW must be an ISO 8601 instant"))
    }

    struct JSONDiagnostic: Decodable, Equatable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var rule: String
        var message: String
    }

    @Test func jsonFormatPrintsTheDesignPageFields() throws {
        let result = try HedgeplanProcess.run(["validate", "duplicate-keys.yaml", "--format", "json"], in: Self.corpus)
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        let rows = try JSONDecoder().decode([JSONDiagnostic].self, from: Data(result.stdout.utf8))
        #expect(rows.first == JSONDiagnostic(
            file: "duplicate-keys.yaml", line: 7, column: 3, severity: "error", rule: "duplicate-key",
            message: "duplicate key `spot`; a key may appear once in a mapping"))
        #expect(rows.count == 3)
    }

    @Test func sarifIsAVersion210LogWithOneResultPerDiagnostic() throws {
        let result = try HedgeplanProcess.run(["validate", "unknown-keys.yaml", "--format", "sarif"], in: Self.corpus)
        #expect(result.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "hedgeplan")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 5)
        for item in results {
            let ruleIndex = try #require(item["ruleIndex"] as? Int)
            #expect(rules[ruleIndex]["id"] as? String == item["ruleId"] as? String)
            let location = try #require((item["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "unknown-keys.yaml")
            let region = try #require(location["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1)
            #expect((region["startColumn"] as? Int ?? 0) >= 1)
        }
    }

    @Test func textDiagnosticsQuoteTheLineWithACaret() throws {
        let result = try HedgeplanProcess.run(["validate", "template-shapes.yaml"], in: Self.corpus)
        let expected = [
            "template-shapes.yaml:8:18: error: the short put strike (2500) must be above the long put strike (2700): "
                + "iron-condor needs long put < short put < short call < long call [template-shape]",
            "      puts: [2700, 2500]       # long wing must be below the short body",
            String(repeating: " ", count: 19) + "^",
        ].joined(separator: "\n")
        #expect(result.stderr.hasPrefix(expected))
    }
}
