import Foundation
import Testing
import HedgeplanTestSupport

/// Every bad input in `Corpus/` gets its golden diagnostics and exit code: a clear message
/// with file:line:column, never a crash or a hang. Large and hostile inputs that would be
/// wasteful to commit are generated into a temporary folder.
struct BadInputCorpusTests {
    static let corpus = HedgeplanProcess.packageRoot.appendingPathComponent("Tests/HedgeplanCLITests/Corpus")

    static let committedCases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// The transcript a golden holds: the exit status, then standard error.
    static func transcript(_ result: HedgeplanProcess.Result) -> String {
        "exit \(result.status)\n" + result.stderr
    }

    @Test func corpusIsNotEmpty() {
        #expect(Self.committedCases.count >= 25)
    }

    @Test(arguments: committedCases)
    func committedInput(_ name: String) throws {
        let result = try HedgeplanProcess.run(["validate", name], in: Self.corpus)
        #expect(result.status == 1, "bad input must exit 1")
        #expect(result.stdout.isEmpty, "text diagnostics belong on standard error")
        let golden = Self.corpus.appendingPathComponent(name.replacingOccurrences(of: ".yaml", with: ".expected"))
        if let mismatch = Golden.mismatch(Self.transcript(result), golden: golden) {
            Issue.record(Comment(rawValue: mismatch))
        }
        // Every diagnostic line names the file, a line and a column.
        for line in result.stderr.split(separator: "\n") where line.contains(": error: ") {
            #expect(line.hasPrefix("\(name):"), "\(line)")
        }
    }

    /// Inputs generated at test time, with their goldens in `Corpus/generated/`.
    static let generatedCases: [(name: String, bytes: @Sendable () -> Data)] = [
        // 50 MB of valid-looking YAML: past the 1 MiB limit, rejected before parsing.
        ("huge-file.yaml", {
            var text = "hedgeplan: 1\nname: huge\nlegs:\n"
            let leg = "  - { side: long, type: spot, quantity: 1 }\n"
            text += String(repeating: leg, count: 50_000_000 / leg.utf8.count)
            return Data(text.utf8)
        }),
        // 100,000 nested lists: libyaml reads them; the composer stops at the depth limit.
        ("very-deep-nesting.yaml", {
            Data(("legs: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n").utf8)
        }),
        // A bomb that fits under the size limit and expands to 10^18 nodes.
        ("wide-alias-bomb.yaml", {
            var text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
            for level in 1...18 {
                text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
            }
            return Data(text.utf8)
        }),
    ]

    @Test(arguments: generatedCases.map(\.name))
    func generatedInput(_ name: String) throws {
        let folder = try ScratchFolder.make("hedgeplan-corpus")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Self.generatedCases.first { $0.name == name }!.bytes()
        try bytes.write(to: folder.appendingPathComponent(name))
        let result = try HedgeplanProcess.run(["validate", name], in: folder)
        #expect(result.status == 1)
        let golden = Self.corpus.appendingPathComponent("generated/\(name.replacingOccurrences(of: ".yaml", with: ".expected"))")
        if let mismatch = Golden.mismatch(Self.transcript(result), golden: golden) {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test func missingFileIsAnIOError() throws {
        let result = try HedgeplanProcess.run(["validate", "no-such-strategy.yaml"], in: Self.corpus)
        #expect(result.status == 74)
        #expect(result.stderr.hasPrefix("no-such-strategy.yaml: error: no such file [io]\n"))
    }

    @Test func directoryIsAnIOError() throws {
        let result = try HedgeplanProcess.run(["validate", "generated"], in: Self.corpus)
        #expect(result.status == 74)
        #expect(result.stderr.hasPrefix("generated: error: is a directory, not a strategy file [io]\n"))
    }

    @Test func oneRunReportsEveryFile() throws {
        let result = try HedgeplanProcess.run(["validate", "unknown-keys.yaml", "bad-numbers.yaml", "no-such.yaml"], in: Self.corpus)
        #expect(result.status == 74, "an unreadable file outranks input errors")
        #expect(result.stderr.contains("unknown-keys.yaml:6:3: error: unknown key `volatilty` in `market`; did you mean `volatility`? [unknown-key]"))
        #expect(result.stderr.contains("bad-numbers.yaml:5:9: error: `market.spot` must be a finite number, found NaN [range]"))
        #expect(result.stderr.contains("no-such.yaml: error: no such file [io]"))
        #expect(result.stderr.contains("3 files checked"))
    }
}
