import ArgumentParser
import Feeds
import Foundation
import HedgeplanDiagnostics
import HedgeplanReports
import HedgeplanSimulation

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the partial results of a sharded `stress` (of a plan, strategy or portfolio) or `tune` run into the whole run's result.",
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

    @Option(help: ArgumentHelp("Tune shards: write the cost / std frontier as SVG.", valueName: "FILE.svg"))
    var plot: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the partial results to merge") }
    }

    func run() throws {
        try DiagnosticOutputOptions(format: format == .json ? .json : .text).reportingFailures(merge)
    }

    private func merge() throws {
        let outputFile = try output.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the result") }
        let reportOutput = try reportFile.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the report") }
        let plotOutput = try plot.map { path throws(CommandFailure) in try OutputFile(checking: path, purpose: "the plot") }
        // The first file tells which kind of partial result to read them all as (its two stamp
        // keys alone: `JSONSerialization` read a whole shard, its numbers as `Decimal`s, in a
        // second for 10,000 paths).
        let kind = FormatStamp(try Self.bytes(files[0]))?.format
        do {
            if kind == TuneShard.formatName {
                let shards = try decodeEach { try TuneShard.decode($0, file: $1) }
                let report = TuneReport(try TuneShard.merge(shards))
                try outputFile?.write(report.json())
                Terminal.standardOutput.write(format == .json ? report.json() : TerminalEscaping.escapedKeepingLines(report.text()))
                try plotOutput?.write(report.frontierSVG())
                try reportOutput?.write(report.html())
                return
            }
            if kind == PortfolioStressShard.formatName {
                if reportOutput != nil || plotOutput != nil {
                    throw ValidationError("--report and --plot apply to the shards of a plan or a tune, not of a portfolio")
                }
                let merged = try PortfolioStressShard.merge(try decodeEach { try PortfolioStressShard.decode($0, file: $1) })
                return try StressOutput.emit(PortfolioStressReport(PortfolioStressSummary(header: merged.0, outcomes: merged.1)), format: format, output: outputFile)
            }
            if plotOutput != nil {
                throw ValidationError("--plot draws a tune's frontier; \(files[0]) is not a partial tune result")
            }
            let merged = try StressShard.merge(try decodeEach { try StressShard.decode($0, file: $1) })
            let report = StressReport(StressSummary(header: merged.0, outcomes: merged.1))
            try StressOutput.emit(report, format: format, output: outputFile, html: reportOutput)
        } catch let problem as MergeProblem {
            throw CommandFailure.input(.merge, problem.file, problem.message)
        }
    }

    /// Every file's partial result, in the order given. Decoding is most of a merge, so the
    /// files are read and decoded on every core (`PathWorkers`, one file a task), each
    /// file's bytes dropped once decoded; when several files are bad, the first in the order
    /// given is the one reported.
    private func decodeEach<Shard: Sendable>(
        _ decode: @escaping @Sendable (Data, String) throws -> Shard
    ) throws -> [(file: String, shard: Shard)] {
        let files = self.files
        // On a terminal, a progress line: a merge of 1,000 shards reads for a minute or more.
        let decoded = try PathProgress.showing(total: files.count, unit: "partial results") { progress in
            let workers = PathWorkers(threads: ProcessInfo.processInfo.activeProcessorCount, progressEvery: 1, progress: progress)
            return try workers.map(Array(files.indices)) { i in
                Result { () throws -> Shard in try decode(try Self.bytes(files[i]), files[i]) }
            }
        }
        return try zip(files, decoded).map { file, result in (file: file, shard: try result.get()) }
    }

    /// A partial result's bytes (exit 74 when the file cannot be read).
    private static func bytes(_ file: String) throws(CommandFailure) -> Data {
        try InputFile.bytes(file, what: "the partial result")
    }
}
