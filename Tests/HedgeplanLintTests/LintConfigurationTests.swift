import Foundation
import HedgeplanDiagnostics
import HedgeplanIR
import Testing
@testable import HedgeplanChecker

/// `.hedgeplan-lint.yml` parsing and discovery, inline suppressions, and severities.
struct LintConfigurationTests {
    static let nakedCall = LintHarness.eth("""
        legs:
          - { id: c, side: short, type: call, strike: 3333, expiry: 7d, quantity: 10 }
        safety:
          circuit_breakers:
            - { when: drawdown, above: 20%, then: flatten }
        """)

    @Test func settingsApply() {
        let loaded = LintConfiguration.parse(text: """
            rules:
              short-option-unhedged: error
              strike-off-grid: off
              premium-off-model: Note
            """, path: "c.yml")
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.configuration.settings[ShortOptionUnhedged.id] == .error)
        #expect(loaded.configuration.settings[StrikeOffGrid.id] == .off)
        #expect(loaded.configuration.settings[PremiumOffModel.id] == .note)

        let found = LintHarness.lint(Self.nakedCall, configuration: loaded.configuration)
        #expect(found.contains { $0.rule == ShortOptionUnhedged.id && $0.severity == .error })
        #expect(!found.contains { $0.rule == StrikeOffGrid.id })
        #expect(found.hasErrors)
        // By default the same strategy has a warning and a note, and no error.
        let defaults = LintHarness.lint(Self.nakedCall)
        #expect(defaults.contains { $0.rule == StrikeOffGrid.id && $0.severity == .note })
        #expect(!defaults.hasErrors)
    }

    struct BadConfig: Sendable, CustomTestStringConvertible {
        var text: String
        var severity: Severity
        var line: Int
        var fragment: String
        var testDescription: String { fragment }
    }

    @Test(arguments: [
        BadConfig(text: "rules:\n  strike-of-grid: off\n", severity: .warning, line: 2, fragment: "did you mean `strike-off-grid`?"),
        BadConfig(text: "rules:\n  strike-off-grid: of\n", severity: .error, line: 2, fragment: "must be one of off, note, warning, error; found the string \"of\"; did you mean `off`?"),
        BadConfig(text: "rule:\n  strike-off-grid: off\n", severity: .error, line: 1, fragment: "unknown key `rule`"),
        BadConfig(text: "rules: [strike-off-grid]\n", severity: .error, line: 1, fragment: "found a list"),
        BadConfig(text: "- rules\n", severity: .error, line: 1, fragment: "is a mapping with a `rules:` key"),
        BadConfig(text: "rules: {\n", severity: .error, line: 2, fragment: ""),
    ])
    func badConfigurationsAreLocated(_ c: BadConfig) {
        let loaded = LintConfiguration.parse(text: c.text, path: "c.yml")
        let first = loaded.diagnostics.first
        #expect(first?.severity == c.severity)
        #expect(first?.location.file == "c.yml")
        #expect(first?.location.line == c.line, "\(loaded.diagnostics)")
        #expect(c.fragment.isEmpty || (first?.message.contains(c.fragment) ?? false), "\(loaded.diagnostics.map(\.message))")
    }

    @Test func emptyConfigurationChangesNothing() {
        let loaded = LintConfiguration.parse(text: "# nothing yet\n", path: "c.yml")
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.configuration.settings.isEmpty)
        let rulesOnly = LintConfiguration.parse(text: "rules:\n", path: "c.yml")
        #expect(rulesOnly.diagnostics.isEmpty)
    }

    @Test func discoveryFindsTheNearestFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lint-discovery-\(UUID().uuidString)")
        let nested = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let strategy = nested.appendingPathComponent("s.yaml")
        try Self.nakedCall.write(to: strategy, atomically: true, encoding: .utf8)
        try "rules:\n  strike-off-grid: off\n".write(to: root.appendingPathComponent(LintConfiguration.fileName), atomically: true, encoding: .utf8)
        #expect(LintConfiguration.discover(forStrategyAt: strategy.path)?.hasSuffix(root.lastPathComponent + "/.hedgeplan-lint.yml") ?? false)

        let run = Linter().lint(paths: [strategy.path], now: LintHarness.now)
        #expect(run.files.first?.configurationPath != nil)
        #expect(!run.diagnostics.contains { $0.rule == StrikeOffGrid.id })

        // A nearer file wins.
        try "rules:\n  short-option-unhedged: off\n".write(to: nested.appendingPathComponent(LintConfiguration.fileName), atomically: true, encoding: .utf8)
        let nearer = Linter().lint(paths: [strategy.path], now: LintHarness.now)
        #expect(nearer.diagnostics.contains { $0.rule == StrikeOffGrid.id })
        #expect(!nearer.diagnostics.contains { $0.rule == ShortOptionUnhedged.id })
    }

    @Test func missingConfigurationFileIsAnIOFailure() {
        let run = Linter().lint(paths: [], now: LintHarness.now, configuration: .file("/nonexistent/.hedgeplan-lint.yml"))
        #expect(run.configurations.isEmpty)  // nothing to lint, nothing read
        let withFile = Linter().lint(
            paths: [LintHarness.repository.appendingPathComponent("strategies/eth-collar.yaml").path], now: LintHarness.now,
            configuration: .file("/nonexistent/.hedgeplan-lint.yml"))
        #expect(withFile.isIOFailure)
        #expect(withFile.diagnostics.first?.rule == .io)
    }

    // MARK: Suppressions

    @Test func suppressionPlacement() {
        let text = """
            a: 1   # hedgeplan-lint: disable=strike-off-grid
            # hedgeplan-lint: disable=premium-off-model, strike-off-grid
            b: 2
            c: "# hedgeplan-lint: disable=expiry-not-listed"
            d: don't # hedgeplan-lint: disable=roll-misaligned-with-expiry
            e: 5 #hedgeplan-lint: disable=nonsense-rule
            f: 6 # hedgeplan-lint: enable=strike-off-grid
            """
        let s = LintSuppressions(text: text, path: "t.yaml")
        #expect(s.silenced[1] == [StrikeOffGrid.id])
        #expect(s.silenced[2] == nil)
        #expect(s.silenced[3] == [PremiumOffModel.id, StrikeOffGrid.id])
        #expect(s.silenced[4] == nil)  // inside a quoted string: not a comment
        #expect(s.silenced[5] == [RollBeforeExpiry.id])
        #expect(s.diagnostics.count == 2)
        #expect(s.diagnostics[0].location == SourceLocation(file: "t.yaml", line: 6, column: 6))
        #expect(s.diagnostics[0].message.contains("`nonsense-rule` is not a lint rule"))
        #expect(s.diagnostics[1].message.contains("disable=rule-id"))
    }

    @Test func suppressionSilencesOneRuleOnOneNode() {
        let yaml = LintHarness.eth("""
            legs:
              # hedgeplan-lint: disable=short-option-unhedged
              - { id: c, side: short, type: call, strike: 3333, expiry: 7d, quantity: 10 }
              - { id: d, side: short, type: call, strike: 3400, expiry: 7d, quantity: 1 }   # hedgeplan-lint: disable=strike-off-grid
            safety:
              circuit_breakers:
                - { when: drawdown, above: 20%, then: flatten }
            """)
        let found = LintHarness.lint(yaml)
        // The first short call carries the finding and is silenced; the strike finding on line 11 stays.
        #expect(!found.contains { $0.rule == ShortOptionUnhedged.id })
        #expect(found.contains { $0.rule == StrikeOffGrid.id && $0.location.line == 11 })
    }
}
