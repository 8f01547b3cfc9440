import Foundation
import PlanFormat

/// One parameter that differs between two plans: its JSON path in the plan format, the old
/// and new values (`absent` where a plan has no such value), and the relative change
/// (new - old) / |old| when both are numbers and the old one is not zero.
public struct PlanChange: Codable, Equatable, Sendable {
    public var path: String
    public var old: PlanValue
    public var new: PlanValue
    public var relative: Double?

    public init(path: String, old: PlanValue, new: PlanValue) {
        self.path = path
        self.old = old
        self.new = new
        if case .number(let a) = old, case .number(let b) = new, a != 0 {
            relative = (b - a) / abs(a)
        } else {
            relative = nil
        }
    }
}

/// A leaf value of a plan: plans hold no JSON null, so null stands for "absent".
public enum PlanValue: Codable, Equatable, Sendable, CustomStringConvertible {
    case absent
    case bool(Bool)
    case number(Double)
    case string(String)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .absent }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else { self = .string(try c.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .absent: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let d): try c.encode(d == 0 ? 0 : d)
        case .string(let s): try c.encode(s)
        }
    }

    /// As JSON writes it; `absent` for a value one plan does not have.
    public var description: String {
        switch self {
        case .absent: "absent"
        case .bool(let b): b ? "true" : "false"
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .string(let s): "\"\(s)\""
        }
    }
}

/// The parameter-level difference of two plans: every leaf value (a number, string or
/// boolean at a JSON path) that is not the same in both, in document order (keys sorted,
/// list elements by index). A list element or object present in one plan only shows as
/// each of its leaves against `absent`.
///
/// Provenance is not a parameter and is left out: `$.source` (which file, its hash),
/// `$.compiler`, and `$.activation` (written by `activate`). Two plans compiled from
/// different files with the same settings have no changes.
public enum PlanDiff {
    public static let provenance: Set<String> = ["$.source", "$.compiler", "$.activation"]

    public static func changes(from old: HedgingPlan, to new: HedgingPlan) -> [PlanChange] {
        var changes: [PlanChange] = []
        compare(tree(old), tree(new), path: "$", into: &changes)
        return changes
    }

    /// A plan as a JSON tree, from its canonical bytes.
    static func tree(_ plan: HedgingPlan) -> PlanTree {
        // The canonical encoding is JSON this decoder reads back by construction.
        try! JSONDecoder().decode(PlanTree.self, from: PlanCoding.encode(plan))
    }

    static func compare(_ a: PlanTree?, _ b: PlanTree?, path: String, into changes: inout [PlanChange]) {
        guard !provenance.contains(path) else { return }
        switch (a, b) {
        case (.object(let x)?, .object(let y)?):
            for key in Set(x.keys).union(y.keys).sorted() { compare(x[key], y[key], path: path + "." + key, into: &changes) }
        case (.array(let x)?, .array(let y)?):
            for i in 0..<max(x.count, y.count) {
                compare(i < x.count ? x[i] : nil, i < y.count ? y[i] : nil, path: "\(path)[\(i)]", into: &changes)
            }
        case (.leaf(let x)?, .leaf(let y)?):
            if x != y { changes.append(PlanChange(path: path, old: x, new: y)) }
        default:
            // A subtree on one side only, or a leaf against a subtree: compare leaf by leaf.
            var left: [(String, PlanValue)] = []
            var right: [(String, PlanValue)] = []
            a?.leaves(path: path, into: &left)
            b?.leaves(path: path, into: &right)
            let oldValues = Dictionary(left, uniquingKeysWith: { first, _ in first })
            let newValues = Dictionary(right, uniquingKeysWith: { first, _ in first })
            var seen = Set<String>()
            for (p, _) in left + right where seen.insert(p).inserted {
                let o = oldValues[p] ?? .absent
                let n = newValues[p] ?? .absent
                if o != n { changes.append(PlanChange(path: p, old: o, new: n)) }
            }
        }
    }
}

/// A JSON document as a tree of plan values.
indirect enum PlanTree: Decodable, Equatable {
    case leaf(PlanValue)
    case array([PlanTree])
    case object([String: PlanTree])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let o = try? c.decode([String: PlanTree].self) { self = .object(o) }
        else if let a = try? c.decode([PlanTree].self) { self = .array(a) }
        else { self = .leaf(try c.decode(PlanValue.self)) }
    }

    func leaves(path: String, into out: inout [(String, PlanValue)]) {
        switch self {
        case .leaf(let v): out.append((path, v))
        case .array(let a): for (i, t) in a.enumerated() { t.leaves(path: "\(path)[\(i)]", into: &out) }
        case .object(let o): for k in o.keys.sorted() { o[k]!.leaves(path: path + "." + k, into: &out) }
        }
    }
}
