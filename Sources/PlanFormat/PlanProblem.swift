/// One thing wrong with a plan file, located by its JSON path (`$.hedge.delta.trigger.kind`).
/// Readers of plans report every problem they find, one line each, instead of a Swift
/// decoding dump or a silent default.
public struct PlanProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// A JSONPath into the plan: `$`, `$.legs[2].strike`.
    public var path: String
    public var message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Why a plan was refused: every problem found, in document order.
public struct PlanRejection: Error, Equatable, Sendable, CustomStringConvertible {
    public var problems: [PlanProblem]

    public init(_ problems: [PlanProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Builds JSON paths from Swift coding paths and property names.
enum PlanPath {
    static func render(_ codingPath: [any CodingKey]) -> String {
        var path = "$"
        for key in codingPath {
            if let index = key.intValue { path += "[\(index)]" } else { path += "." + snakeCase(key.stringValue) }
        }
        return path
    }

    /// `halfWidth` → `half_width`, the plan's key spelling.
    static func snakeCase(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }
}
