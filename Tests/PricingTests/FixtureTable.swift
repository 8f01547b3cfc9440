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

