/// What `tune` minimises: a weighted sum of a candidate's figures, as written on the command
/// line (`"cost + 2*std"`, `es99`, `"0.5*cost + es99 + 0.1*hedges"`). Names: `cost`, `std`,
/// `es99`, `hedges`; weights are non-negative numbers before or after `*`.
public struct TuneObjective: Equatable, Sendable {
    public static let names = ["cost", "std", "es99", "hedges"]

    /// As the user wrote it, trimmed.
    public let text: String
    /// (figure name, weight), in the order written.
    public let terms: [(String, Double)]

    public static func == (a: TuneObjective, b: TuneObjective) -> Bool { a.text == b.text }

    /// The largest weight a term may carry.
    public static let largestWeight = 1e9

    public init(parsing text: String) throws(TuneObjectiveError) {
        self.text = text.trimmingCharacters(in: " ")
        var terms: [(String, Double)] = []
        for raw in self.text.split(separator: "+", omittingEmptySubsequences: false) {
            let term = raw.trimmingCharacters(in: " ")
            guard !term.isEmpty else { throw TuneObjectiveError(text: text, message: "an empty term (two `+` in a row, or one at an end)") }
            let parts = term.split(separator: "*").map { $0.trimmingCharacters(in: " ") }
            var name: String?
            var weight = 1.0
            for part in parts {
                if let n = Double(part), n.isFinite {
                    guard n >= 0 else { throw TuneObjectiveError(text: text, message: "weight `\(part)` is negative") }
                    weight *= n
                } else if Self.names.contains(part), name == nil {
                    name = part
                } else {
                    throw TuneObjectiveError(text: text, message: "`\(part)` is neither a number nor one of \(Self.names.joined(separator: ", "))")
                }
            }
            guard let name else { throw TuneObjectiveError(text: text, message: "term `\(term)` names no figure (\(Self.names.joined(separator: ", ")))") }
            // A weight of 1e308 took every candidate's objective to `inf` and made the pick
            // arbitrary. Up to 1e9, a sum of terms stays finite for any figure a partial
            // result may hold (`PathOutcomeColumns.largestAmount`, 1e150).
            guard weight <= Self.largestWeight else {
                throw TuneObjectiveError(text: text, message: "the weight of `\(name)` is \(weight); at most 1e9")
            }
            terms.append((name, weight))
        }
        self.terms = terms
    }

    public func value(_ figures: TuneFigures) -> Double {
        terms.reduce(0) { sum, term in
            let x: Double = switch term.0 {
            case "cost": figures.cost
            case "std": figures.std
            case "es99": figures.es99
            default: figures.hedges
            }
            return sum + term.1 * x
        }
    }
}

public struct TuneObjectiveError: Error, Equatable, Sendable, CustomStringConvertible {
    public var text: String
    public var message: String
    public var description: String { "--objective `\(text)`: \(message)" }
}

private extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> String { self[...].trimmingCharacters(in: set) }
}
