import ArgumentParser
import HedgeplanDiagnostics
import HedgeplanGovernance

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Every parameter that differs between two plans: JSON path, old and new value, relative change.",
        discussion: """
            Compares the plans leaf by leaf in the plan format (`hedgeplan compile` writes it), \
            keys sorted and list elements by index. Provenance is not a parameter and is left \
            out: $.source (the strategy file and its hash), $.compiler and $.activation. The \
            relative change is (new - old) / |old|, for numbers with a non-zero old value. A \
            strategy (.yaml) is compiled first.

            --format json prints { "changes": [ { "path", "old", "new", "relative" } ] }, with \
            null for a value one plan does not have and for a relative change that has no meaning.

            Examples:
              hedgeplan diff current.json proposed.json
              hedgeplan diff Examples/governance/current.yaml Examples/governance/proposed.yaml --format json
            """
    )

    @Argument(help: "The old plan (.json) or strategy (.yaml).")
    var old: String

    @Argument(help: "The new plan (.json) or strategy (.yaml).")
    var new: String

    @Option(help: "Output format: text or json (to standard output).")
    var format: Analyze.Format = .text

    func run() throws {
        try DiagnosticOutputOptions(format: format == .json ? .json : .text).reportingFailures {
            let before = try PlanInput.load(old, history: nil, format: format)
            let after = try PlanInput.load(new, history: nil, format: format)
            let changes = PlanDiff.changes(from: before, to: after)
            Terminal.standardOutput.write(format == .json ? PlanDiffText.json(changes) : TerminalEscaping.escapedKeepingLines(PlanDiffText.text(changes)))
        }
    }
}
