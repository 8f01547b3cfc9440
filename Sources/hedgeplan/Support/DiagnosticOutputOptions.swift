import ArgumentParser
import HedgeplanChecker
import HedgeplanDiagnostics
import HedgeplanIR

extension DiagnosticFormat: ExpressibleByArgument {}

/// `--format text|json|sarif`, shared by the commands that report diagnostics.
struct DiagnosticOutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text (to standard error), json or sarif (to standard output).")
    var format: DiagnosticFormat = .text

    init() {}

    init(format: DiagnosticFormat) {
        self.format = format
    }

    /// Renders diagnostics in the chosen format, to the stream that format belongs on.
    func emit(_ diagnostics: [Diagnostic], sources: [LoadedStrategy]) {
        var texts: [String: String] = [:]
        for loaded in sources { texts[loaded.path] = loaded.source?.text }
        emit(diagnostics, texts: texts)
    }

    /// Renders diagnostics whose quoted lines come from `texts` (source text by path).
    func emit(_ diagnostics: [Diagnostic], texts: [String: String]) {
        let rendered = renderer(texts: texts).render(diagnostics, as: format)
        if format == .text {
            Terminal.standardError.write(rendered)
        } else {
            Terminal.standardOutput.write(rendered)
        }
    }

    /// The one renderer every command uses: colour on a terminal, every rule described.
    func renderer(texts: [String: String]) -> DiagnosticRenderer {
        DiagnosticRenderer(
            sources: texts, color: format == .text && Terminal.standardError.supportsColor,
            toolVersion: HedgeplanCommand.version, ruleDescriptions: RuleDescriptions.all)
    }
}
