import ArgumentParser
import Foundation
import HedgeplanDiagnostics

/// The `hedgeplan` command: a thin shell over the library, one file per subcommand.
@main
struct HedgeplanCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "hedgeplan",
        abstract: "Compile structured-product strategies on crypto options into hedging plans.",
        discussion: """
            Exit codes: 0 success (warnings allowed), 1 the input has errors, 64 usage errors, \
            74 a file could not be read or written.
            """,
        version: version,
        subcommands: [Validate.self, Lint.self, Analyze.self, Compile.self, DryRun.self, Stress.self, Merge.self, Tune.self, Schema.self, Price.self, Regimes.self, Diff.self, Propose.self, Approve.self, Verify.self, Activate.self]
    )

    /// A reader that goes away (`hedgeplan schema | head -1`) must not kill the process
    /// with `SIGPIPE`: writes then fail with `EPIPE`, and `Terminal` ends the output quietly.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if exitCode(for: error) == .validationFailure { reportUsageInRequestedFormat(message(for: error)) }
            exit(withError: error)
        }
        do {
            var running = command
            try running.run()
        } catch let error as ValidationError {
            reportUsageInRequestedFormat(error.message)
            // Checks that need the inputs (a plan's expiry, a history's step) run after
            // parsing; name the subcommand's usage, as a parse error does, not the root's.
            let name = type(of: command).configuration.commandName ?? configuration.commandName ?? "hedgeplan"
            let usage = usageString(for: type(of: command))
            FileHandle.standardError.write(Data("""
                Error: \(error.message)
                Usage: \(usage)
                  See 'hedgeplan \(name) --help' for more information.

                """.utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch {
            exit(withError: error)
        }
    }

    /// A usage error under `--format json` or `sarif` is one diagnostic in that format on
    /// standard output, exit 64, as every other failure of a command is: a program reading
    /// the JSON never gets text instead. Returns for text, where the argument parser's own
    /// message and usage line follow.
    static func reportUsageInRequestedFormat(_ message: String) {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var requested: String?
        for (i, argument) in arguments.enumerated() {
            if argument == "--format", i + 1 < arguments.count { requested = arguments[i + 1] }
            if argument.hasPrefix("--format=") { requested = String(argument.dropFirst("--format=".count)) }
        }
        guard let format = requested.flatMap(DiagnosticFormat.init(rawValue:)), format != .text else { return }
        DiagnosticOutputOptions(format: format).emit([.error(.usage, message, at: .wholeFile("command line"))], texts: [:])
        Foundation.exit(ExitCode.validationFailure.rawValue)
    }
}
