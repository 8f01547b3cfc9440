import ArgumentParser
import Feeds
import Foundation
import HedgeplanReports
import HedgeplanSimulation

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the partial results of a sharded `stress` run into the whole run's result.",
        discussion: """
            Give every shard's partial result, in any order: the output is byte for byte what \
            the unsharded run prints. Partial results of another run (plan or settings: \
            spec_sha256), a missing shard or one given twice are refused with exit 1 and a \
            message naming the file.

            Example:
              for i in 0 1 2; do hedgeplan stress plan.json --paths 30000 --shards 3 --shard-index $i -o shard-$i.json; done
              hedgeplan merge shard-*.json --format json -o stress.json
            """
    )

    @Argument(help: "Partial results written by `stress --shards N`.")
    var files: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the JSON result to this file.", valueName: "MERGED.json"))
    var output: String?

    @Option(help: "Output format on standard output: text or json.")
    var format: Analyze.Format = .text

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write a self-contained HTML report.", valueName: "FILE.html"))
    var reportFile: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the partial results to merge") }
    }

    func run() throws {
        try DiagnosticOutputOptions(format: format == .json ? .json : .text).reportingFailures(merge)
    }

    private func merge() throws {
        let outputFile = try output.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the result") }
        let reportOutput = try reportFile.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the report") }
        var shards: [(file: String, shard: StressShard)] = []
        for file in files {
            if let problem = FileKind.problem(at: file) { throw CommandFailure.io(file, "cannot read the partial result: \(problem)") }
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CommandFailure.io(file, "cannot read the partial result: permission denied or unreadable")
            }
            do {
                shards.append((file, try StressShard.decode(data, file: file)))
            } catch {
                throw CommandFailure.input(.merge, error.file, error.message)
            }
        }
        let merged: (StressHeader, [PathOutcome])
        do {
            merged = try StressShard.merge(shards)
        } catch {
            throw CommandFailure.input(.merge, error.file, error.message)
        }
        let report = StressReport(StressSummary(header: merged.0, outcomes: merged.1))
        try StressOutput.emit(report, format: format, output: outputFile, html: reportOutput)
    }
}
