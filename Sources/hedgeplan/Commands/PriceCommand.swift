import ArgumentParser
import Feeds
import Foundation
import HedgeplanDiagnostics
import Pricing

struct Price: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "price",
        abstract: "Price European options from a CSV table, with all greeks.",
        discussion: """
            Reads a CSV whose header names at least type (call|put), spot, strike, r, q, vol and \
            T (years), and for --model merton also jump_intensity (per year), jump_mean_log and \
            jump_vol (mean and standard deviation of the log jump size). Other columns are passed \
            through. Writes the same rows with price, delta, gamma, vega, theta and rho appended: \
            delta in BASE, gamma per 1 QUOTE of spot, vega per volatility point, theta per day \
            (year = 365 days), rho per percentage point of r. r and q are continuously compounded.

            Bad rows are reported as PATH:LINE:COLUMN: error: message (exit 1); an unreadable \
            file exits 74.

            --implied-vol reverses it: from a price column (a quoted chain), the Black-Scholes \
            volatility that reproduces each price, then the greeks at it. A price below the \
            discounted intrinsic value or above what any volatility gives is an error at its field.

            Examples:
              hedgeplan price options.csv
              hedgeplan price quotes.csv --implied-vol
              hedgeplan price options.csv --model merton -o priced.csv
              cat options.csv | hedgeplan price - > priced.csv
            """
    )

    @Argument(help: "The options CSV, or - for standard input.")
    var file: String

    @Option(help: "The pricing model: black-scholes or merton.")
    var model: OptionTable.Model = .blackScholes

    @Flag(name: .customLong("implied-vol"), help: """
        Compute each row's Black-Scholes implied volatility from its price column instead \
        of pricing (columns type, spot, strike, r, q, T, price; no vol). Appends implied_vol \
        and the greeks at that volatility.
        """)
    var impliedVolatility = false

    @Option(name: .shortAndLong, help: "Write the priced CSV to this file instead of standard output (- for stdout).")
    var output: String?

    func validate() throws {
        if impliedVolatility, model != .blackScholes {
            throw ValidationError("--implied-vol is the Black-Scholes volatility of each price; it takes no --model")
        }
    }

    func run() throws {
        try DiagnosticOutputOptions(format: .text).reportingFailures(price)
    }

    private func price() throws {
        // Checked before any work: a result that cannot be written is refused up front.
        let destination = try OutputFile.replacingStandardOutput(output, purpose: "the priced CSV")
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            if let problem = FileKind.problem(at: file) { throw CommandFailure.io(file, "cannot read the options table: \(problem)") }
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CommandFailure.io(file, "cannot read the options table: \(error.localizedDescription)")
            }
        }
        let path = file == "-" ? "<stdin>" : file
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(.error(.encoding, "the file is not valid UTF-8", at: SourceLocation(file: path, line: 1, column: 1)), exitCode: 1)
        }
        switch impliedVolatility ? OptionTable.impliedVolatilities(text) : OptionTable.price(text, model: model) {
        case .failure(let failure):
            let lines = failure.issues.map {
                "\(path):\($0.line):\($0.column): error: \(TerminalEscaping.escaped($0.message))\n"
            }.joined()
            Terminal.standardError.write(lines)
            throw ExitCode(1)
        case .success(let csv):
            if let destination {
                try destination.write(csv)
            } else {
                Terminal.standardOutput.write(csv)
            }
        }
    }
}

extension OptionTable.Model: ExpressibleByArgument {}
