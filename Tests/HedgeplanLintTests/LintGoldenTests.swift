import Foundation
import HedgeplanDiagnostics
import Testing
@testable import HedgeplanChecker
import HedgeplanTestSupport

/// The text output of lint for each strategy in `Golden/`, compared with `NAME.txt` beside
/// it. Re-record with `HEDGEPLAN_RECORD=1 swift test --filter HedgeplanLintTests`.
struct LintGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var corpus: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test(arguments: corpus)
    func golden(_ name: String) throws {
        let path = Self.directory.appendingPathComponent(name).path
        let run = Linter().lint(paths: [path], now: LintHarness.now, configuration: .fixed(.defaults))
        var sources = run.sources
        // Print the path as it appears in the corpus, not as it lies on this machine.
        let diagnostics = run.diagnostics.map { d -> Diagnostic in
            var d = d
            d.location.file = name
            return d
        }
        sources[name] = sources[path]
        let output = DiagnosticRenderer(sources: sources).text(diagnostics)
        let expectedURL = Self.directory.appendingPathComponent(name.replacingOccurrences(of: ".yaml", with: ".txt"))
        #expect(Golden.mismatch(output, golden: expectedURL) == nil)
    }

    /// Every lint rule is exercised by some golden file.
    @Test func corpusCoversEveryRule() throws {
        var seen = Set<RuleID>()
        for name in Self.corpus {
            let run = Linter().lint(paths: [Self.directory.appendingPathComponent(name).path], now: LintHarness.now, configuration: .fixed(.defaults))
            seen.formUnion(run.diagnostics.map(\.rule))
        }
        #expect(Set(LintRegistry.ids).subtracting(seen).isEmpty, "\(Set(LintRegistry.ids).subtracting(seen))")
    }
}
