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

    /// One located line for a Swift decoding error, its path in the file's snake_case keys:
    /// what every reader of Hedgeplan's JSON files (plans, proposals, partial results) says
    /// instead of a `DecodingError` dump.
    public init(decoding error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(PlanPath.render(context.codingPath + [key]), "missing; this key is required")
        case .typeMismatch(let type, let context):
            self.init(PlanPath.render(context.codingPath), "expected \(JSONShape.expected(type))")
        case .valueNotFound(let type, let context):
            self.init(PlanPath.render(context.codingPath), "expected \(JSONShape.expected(type)), found null")
        case .dataCorrupted(let context):
            let message = context.debugDescription.hasPrefix("unknown ") ? context.debugDescription
                : "cannot be read: \(context.debugDescription)"
            self.init(PlanPath.render(context.codingPath), message)
        @unknown default:
            self.init("$", "cannot be read: \(error)")
        }
    }
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
