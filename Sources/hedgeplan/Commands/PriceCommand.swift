import ArgumentParser
import Foundation
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

            Examples:
              hedgeplan price options.csv
              hedgeplan price options.csv --model merton -o priced.csv
              cat options.csv | hedgeplan price - > priced.csv
            """
    )

    @Argument(help: "The options CSV, or - for standard input.")
    var file: String

    @Option(help: "The pricing model: black-scholes or merton.")
    var model: OptionTable.Model = .blackScholes

    @Option(name: .shortAndLong, help: "Write the priced CSV to this file instead of standard output (- for stdout).")
    var output: String?

    func run() throws {
        let text: String
        do {
            let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                                   : try Data(contentsOf: URL(fileURLWithPath: file))
            guard let decoded = String(data: data, encoding: .utf8) else {
                FileHandle.standardError.write(Data("\(file):1:1: error: the file is not valid UTF-8\n".utf8))
                throw ExitCode(1)
            }
            text = decoded
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FileHandle.standardError.write(Data("\(file): error: cannot read the file: \(error.localizedDescription)\n".utf8))
            throw ExitCode(74)
        }
        let path = file == "-" ? "<stdin>" : file
        switch OptionTable.price(text, model: model) {
        case .failure(let failure):
            let lines = failure.issues.map { "\(path):\($0.line):\($0.column): error: \($0.message)\n" }.joined()
            FileHandle.standardError.write(Data(lines.utf8))
            throw ExitCode(1)
        case .success(let csv):
            if let output, output != "-" {
                do {
                    try Data(csv.utf8).write(to: URL(fileURLWithPath: output))
                } catch {
                    FileHandle.standardError.write(Data("\(output): error: cannot write the file: \(error.localizedDescription)\n".utf8))
                    throw ExitCode(74)
                }
            } else {
                FileHandle.standardOutput.write(Data(csv.utf8))
            }
        }
    }
}

extension OptionTable.Model: ExpressibleByArgument {}
