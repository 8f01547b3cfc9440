import Foundation

/// A reference CSV from `Fixtures/` as rows of named fields (these files have no quoted
/// fields). Parsed here independently of `OptionTable`, which is itself under test.
struct FixtureRow: Sendable, CustomStringConvertible {
    let fields: [String: String]
    let line: Int
    func text(_ name: String) -> String {
        guard let v = fields[name] else { fatalError("no column \(name) in fixture") }
        return v
    }
    func number(_ name: String) -> Double {
        guard let v = Double(text(name)) else { fatalError("column \(name) is not a number: \(text(name))") }
        return v
    }
    var description: String { "line \(line): \(fields["source"] ?? "")" }
}


enum Fixture {
    static func rows(_ name: String) -> [FixtureRow] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("missing fixture \(name).csv")
        }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().enumerated().map { index, line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            precondition(cells.count == header.count, "\(name).csv line \(index + 2): wrong field count")
            return FixtureRow(fields: Dictionary(uniqueKeysWithValues: zip(header, cells)), line: index + 2)
        }
    }
}

/// A small deterministic generator (SplitMix64) so that random-input tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
