import HedgeplanDiagnostics
import HedgeplanIR

/// The lint engine: validate's checks, then every lint rule at the severity the
/// configuration gives it, minus the findings an inline comment silences.
public struct Linter: Sendable {
    /// Where each strategy's configuration comes from.
    public enum ConfigurationSource: Sendable {
        /// The nearest `.hedgeplan-lint.yml` beside the strategy or in a parent directory.
        case discover
        /// One file for every strategy (`--config FILE`).
        case file(String)
        /// A configuration already in memory (tests, embedding).
        case fixed(LintConfiguration)
    }

    /// One linted strategy file.
    public struct File: Sendable {
        public var checked: CheckedStrategy
        /// The configuration file that applied, if any.
        public var configurationPath: String?
        /// Validate's and lint's diagnostics for this file, in reading order.
        public var diagnostics: [Diagnostic]
    }

    /// The result of linting several files.
    public struct Run: Sendable {
        public var files: [File]
        /// Every configuration file read, with what was wrong in it.
        public var configurations: [LintConfiguration.Loaded]
        /// Configuration problems first (once per file), then each strategy's diagnostics.
        public var diagnostics: [Diagnostic] {
            configurations.flatMap(\.diagnostics) + files.flatMap(\.diagnostics)
        }
        /// Source texts by path (strategies and configurations), for quoting lines.
        public var sources: [String: String] {
            var texts: [String: String] = [:]
            for file in files { texts[file.checked.loaded.path] = file.checked.loaded.source?.text }
            for configuration in configurations {
                if let source = configuration.source { texts[source.path] = source.text }
            }
            return texts
        }
        public var hasErrors: Bool { diagnostics.hasErrors }
        /// A strategy or configuration file could not be read at all.
        public var isIOFailure: Bool {
            files.contains { $0.checked.loaded.isIOFailure } || configurations.contains(where: \.isIOFailure)
        }
    }

    public var rules: [any LintRule]

    public init(rules: [any LintRule] = LintRegistry.rules) {
        self.rules = rules
    }

    /// Lints files; `now` is the valuation time where a strategy sets no `market.as_of`.
    public func lint(paths: [String], now: Instant, configuration source: ConfigurationSource = .discover) -> Run {
        var loadedConfigurations: [String: LintConfiguration.Loaded] = [:]
        var order: [String] = []
        func configuration(at path: String) -> LintConfiguration {
            if let loaded = loadedConfigurations[path] { return loaded.configuration }
            let loaded = LintConfiguration.load(path: path)
            loadedConfigurations[path] = loaded
            order.append(path)
            return loaded.configuration
        }
        var files: [File] = []
        for path in paths {
            let checked = Checker.validate(path: path, now: now)
            let applied: LintConfiguration
            switch source {
            case .fixed(let fixed): applied = fixed
            case .file(let file): applied = configuration(at: file)
            case .discover: applied = LintConfiguration.discover(forStrategyAt: path).map(configuration(at:)) ?? .defaults
            }
            files.append(File(checked: checked, configurationPath: applied.path, diagnostics: lint(checked, configuration: applied)))
        }
        return Run(files: files, configurations: order.compactMap { loadedConfigurations[$0] })
    }

    /// Validate's diagnostics plus lint's for one checked strategy, in reading order. Lint
    /// rules run only on strategies the front end accepted, so they never pile onto type errors.
    public func lint(_ checked: CheckedStrategy, configuration: LintConfiguration = .defaults) -> [Diagnostic] {
        guard let strategy = checked.strategy, !checked.loaded.hasErrors else { return checked.diagnostics }
        let suppressions = checked.loaded.source.map { LintSuppressions(text: $0.text, path: $0.path) }
        var diagnostics = checked.diagnostics + (suppressions?.diagnostics ?? [])
        let context = LintContext(strategy: strategy, analysis: checked.analysis)
        for rule in rules {
            guard let severity = configuration.severity(of: rule) else { continue }
            for var finding in rule.check(context) where !(suppressions?.isSilenced(finding) ?? false) {
                finding.severity = severity
                diagnostics.append(finding)
            }
        }
        return diagnostics.sortedByLocation()
    }

    /// Lint findings for a strategy in memory (no validate diagnostics, no suppressions):
    /// what tests and embedders call to run rules on an IR they built.
    public func findings(for strategy: Strategy, analysis: StrategyAnalysis?, configuration: LintConfiguration = .defaults) -> [Diagnostic] {
        let context = LintContext(strategy: strategy, analysis: analysis)
        return rules.flatMap { rule -> [Diagnostic] in
            guard let severity = configuration.severity(of: rule) else { return [] }
            return rule.check(context).map { var d = $0; d.severity = severity; return d }
        }.sortedByLocation()
    }
}
