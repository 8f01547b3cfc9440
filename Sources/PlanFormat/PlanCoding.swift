import Foundation
import HedgeplanDiagnostics

/// The canonical JSON form of a plan: keys sorted, two-space pretty printing, numbers in
/// their shortest round-tripping form, a final newline. Encoding the same plan always gives
/// the same bytes, and decoding then re-encoding a plan gives its bytes back.
///
/// Reading is strict: a plan is refused, with every problem located by its JSON path, when
/// it is not JSON, is another format or version, has a key this version does not define, a
/// missing or mistyped key, a word outside a closed vocabulary, or a number out of range
/// (`PlanValidation`). Nothing is defaulted silently.
public enum PlanCoding {
    public static func encode(_ plan: HedgingPlan) -> Data {
        // Plans hold finite numbers only (the compiler checks); encoding cannot fail.
        CanonicalJSON.encode(plan)
    }

    /// Decodes and validates a plan; throws every problem found.
    public static func decode(_ data: Data) throws(PlanRejection) -> HedgingPlan {
        let tree: Any
        do {
            tree = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw PlanRejection([PlanProblem("$", "not JSON (a compiled plan is a JSON object written by `hedgeplan compile`)")])
        }
        guard let object = tree as? [String: Any] else {
            throw PlanRejection([PlanProblem("$", "expected a JSON object (a compiled plan), found \(JSONShape.describe(tree))")])
        }
        try checkHeader(object)
        let decoder = CanonicalJSON.decoder()
        let plan: HedgingPlan
        do {
            plan = try decoder.decode(HedgingPlan.self, from: data)
        } catch let error as DecodingError {
            throw PlanRejection(PlanProblem.located(error, decoding: HedgingPlan.self, from: data, with: decoder))
        } catch {
            throw PlanRejection([PlanProblem("$", "cannot be read: \(error)")])
        }
        var problems = UnknownKeys.find(in: object, decoded: plan)
        problems += PlanValidation.problems(in: plan)
        guard problems.isEmpty else { throw PlanRejection(problems) }
        return plan
    }

    static func checkHeader(_ object: [String: Any]) throws(PlanRejection) {
        guard let format = object["format"] as? String else {
            throw PlanRejection([PlanProblem("$.format", "missing: not a Hedgeplan plan (expected \"\(HedgingPlan.formatName)\")")])
        }
        guard format == HedgingPlan.formatName else {
            throw PlanRejection([PlanProblem(
                "$.format", "not a Hedgeplan plan: format \(PlanText.quoted(format)), expected \"\(HedgingPlan.formatName)\"")])
        }
        let current = HedgingPlan.currentVersion
        guard let number = object["version"] as? NSNumber, !JSONShape.isBoolean(number),
            number.doubleValue == number.doubleValue.rounded(), abs(number.doubleValue) < 1e9
        else {
            let found = object["version"].map(JSONShape.describe) ?? "nothing"
            throw PlanRejection([PlanProblem("$.version", "expected the integer \(current), found \(found)")])
        }
        let version = Int(number.doubleValue)
        if version == 1 {
            throw PlanRejection([PlanProblem(
                "$.version",
                "plan format version 1 is no longer read (its instants were text and its vocabularies unchecked); recompile the strategy with `hedgeplan compile STRATEGY -o plan.json`")])
        }
        if version > current {
            throw PlanRejection([PlanProblem(
                "$.version", "plan format version \(version) is newer than this hedgeplan reads (\(current)); upgrade hedgeplan")])
        }
        guard version == current else {
            throw PlanRejection([PlanProblem("$.version", "expected the integer \(current), found \(version)")])
        }
    }
}

/// Keys in the file that the plan format does not define: a typo (`half_widht`) must not
/// be dropped silently. The decoded plan's stored properties (optional ones included, via
/// reflection) are the keys each object may hold. Public for the other signed and checked
/// documents built on plans (governance proposals).
public enum UnknownKeys {
    public static func find(in object: Any, decoded: Any, path: String = "$") -> [PlanProblem] {
        if let dictionary = object as? [String: Any] {
            guard let fields = DecodedShape.fields(of: decoded) else { return [] }
            var problems: [PlanProblem] = []
            for key in dictionary.keys.sorted() {
                let childPath = path + "." + key
                guard let child = fields[key] else {
                    let hint = DidYouMean.hint(for: key, among: fields.keys.sorted())
                    problems.append(PlanProblem(childPath, "unknown key\(hint)"))
                    continue
                }
                problems += find(in: dictionary[key]!, decoded: child, path: childPath)
            }
            return problems
        }
        if let array = object as? [Any] {
            guard let elements = DecodedShape.elements(of: decoded) else { return [] }
            return zip(array, elements).enumerated().flatMap { index, pair in
                find(in: pair.0, decoded: pair.1, path: "\(path)[\(index)]")
            }
        }
        return []
    }
}

/// Names for JSON shapes in messages.
enum JSONShape {
    static func describe(_ value: Any) -> String {
        switch value {
        case let n as NSNumber where isBoolean(n): return n.boolValue ? "true" : "false"
        case let n as NSNumber: return "the number \(n)"
        case let s as String: return "the string \(PlanText.quoted(s))"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        case is NSNull: return "null"
        default: return "a value"
        }
    }

    /// JSON's true and false come back as NSNumbers whose Objective-C type is `char`
    /// (the same on Linux and Darwin); numbers never do.
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type, is Int64.Type: return "an integer"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "an array"
        default:
            let name = "\(type)"
            return name.hasPrefix("Array") ? "an array" : (name.hasPrefix("Dictionary") ? "an object" : "an object")
        }
    }
}
