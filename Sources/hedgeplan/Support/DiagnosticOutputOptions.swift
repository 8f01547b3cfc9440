import ArgumentParser
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
        let renderer = DiagnosticRenderer(
            sources: texts, color: format == .text && Terminal.standardError.supportsColor, toolVersion: Hedgeplan.version)
        let rendered = renderer.render(diagnostics, as: format)
        if format == .text {
            Terminal.standardError.write(rendered)
        } else {
            Terminal.standardOutput.write(rendered)
        }
    }
}
