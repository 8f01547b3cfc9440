import HedgeplanChecker
import HedgeplanDiagnostics

/// The properties every lint configuration (`.hedgeplan-lint.yaml`) must have
/// (`FuzzLintConfiguration`): every error is located in the file on a line and a column.
public enum LintConfigurationProperties {
    public static func problems(text: String, path: String = "fuzz-lint.yaml") -> [String] {
        let loaded = LintConfiguration.parse(text: text, path: path)
        return loaded.diagnostics.compactMap { d in
            guard d.severity == .error else { return nil }
            if d.location.file != path { return "error located in \(d.location.file), not the input: \(d.message)" }
            if d.location.line < 1 || d.location.column < 1 {
                return "error at \(d.location.line):\(d.location.column), not a place in the file: [\(d.rule)] \(d.message)"
            }
            return nil
        }
    }
}
