import Foundation

/// Finds the numbers of a JSON document that sit in integer fields but are not integers
/// (`2.5` or `1e30` in `offset_seconds`).
///
/// Foundation's `JSONDecoder` refuses such a number as "The given data was not valid JSON."
/// with an empty coding path, so a reader could only say `$: cannot be read`. The candidates
/// are the numbers no `Int64` holds exactly. The document is decoded again with every
/// candidate set to 0, and the value it gives is walked beside the JSON (stored properties
/// by their snake_case names, `DecodedShape`): a candidate whose field is an integer
/// is a misfit. Where the value's shape is not the JSON's (a type with its own coding), or
/// the zeroed document does not decode, the candidates are tried field by field, each
/// field's together, and a failing field's few candidates halved: decoding with some of them
/// set to 0 until each that still fails stands alone.
enum MisfitIntegers {
    /// At most this many misfits are located; a document with more is broken beyond a list.
    static let maxReported = 20
    /// Halving costs about (culprits × 2 log₂ candidates) decodings of the whole document:
    /// a field with more candidates than this (a partial result's column, one per path) is
    /// reported whole, as every element of an integer column that no `Int64` holds fails.
    static let maxHalved = 256

    /// The JSON paths of the misfits, each with the number found there, in the order of the
    /// document's sorted keys; empty when none of the candidates is the cause.
    static func locate<T: Decodable>(_ type: T.Type, in tree: Any, decoder: JSONDecoder) -> [PlanProblem] {
        var candidates: [(path: String, value: NSNumber)] = []
        collect(tree, path: "$", into: &candidates)
        guard !candidates.isEmpty else { return [] }
        var found: [Int] = []
        var unresolved = Array(candidates.indices)
        switch decode(type, keeping([], of: tree), decoder) {
        case .success(let zeroed):
            var walk = TypedWalk()
            walk.visit(tree, decoded: zeroed)
            found = Array(walk.integers.prefix(maxReported))
            unresolved = walk.unresolved
        case .failure(let error):
            // Every candidate set to 0 must decode past the root failure, or the cause is another.
            if failsAtTheRoot(error) { return [] }
        }
        guard found.isEmpty, !unresolved.isEmpty else { return problems(found, candidates) }
        let fails: (Set<Int>) -> Bool = { kept in
            guard case .failure(let error) = decode(type, keeping(kept, of: tree), decoder) else { return false }
            return failsAtTheRoot(error)
        }
        // The elements of one array hold one type: a field's candidates are tried together
        // (`$.outcomes.hedges[*]`), and halved only when they are few.
        var fields: [String: [Int]] = [:]
        var order: [String] = []
        for index in unresolved {
            let field = candidates[index].path.replacing(/\[[0-9]+\]/, with: "[*]")
            if fields[field] == nil { order.append(field) }
            fields[field, default: []].append(index)
        }
        for field in order where found.count < maxReported {
            let members = fields[field]!
            guard fails(Set(members)) else { continue }
            if members.count <= maxHalved {
                search(members, fails: fails, found: &found)
            } else {
                found += members.prefix(maxReported - found.count)
            }
        }
        return problems(found, candidates)
    }

    private static func problems(_ found: [Int], _ candidates: [(path: String, value: NSNumber)]) -> [PlanProblem] {
        found.map { index in
            let (path, value) = candidates[index]
            return PlanProblem(path, "expected an integer (a whole number within ±9.2e18), found \(value)")
        }
    }

    /// The JSON tree and the value decoded from it, side by side, numbering the candidates in
    /// `collect`'s order: those in integer fields, and those whose field could not be told.
    struct TypedWalk {
        var index = 0
        var integers: [Int] = []
        var unresolved: [Int] = []

        mutating func visit(_ node: Any, decoded: Any?) {
            switch node {
            case let object as [String: Any]:
                let fields = decoded.flatMap(DecodedShape.fields) ?? [:]
                for key in object.keys.sorted() { visit(object[key]!, decoded: fields[key]) }
            case let array as [Any]:
                let elements = decoded.flatMap(DecodedShape.elements) ?? []
                for (i, element) in array.enumerated() { visit(element, decoded: i < elements.count ? elements[i] : nil) }
            case let number as NSNumber where isCandidate(number):
                defer { index += 1 }
                switch decoded.map(DecodedShape.unwrap) {
                case is Int, is Int64, is Int32, is Int16, is Int8, is UInt, is UInt64, is UInt32, is UInt16, is UInt8:
                    integers.append(index)
                case is Double, is Float:
                    break
                default:
                    unresolved.append(index)
                }
            default:
                break
            }
        }
    }

    /// Adds to `found` the members of `kept` that make decoding fail on their own.
    private static func search(_ kept: [Int], fails: (Set<Int>) -> Bool, found: inout [Int]) {
        guard found.count < maxReported, !kept.isEmpty, fails(Set(kept)) else { return }
        guard kept.count > 1 else {
            found.append(kept[0])
            return
        }
        let middle = kept.count / 2
        search(Array(kept[..<middle]), fails: fails, found: &found)
        search(Array(kept[middle...]), fails: fails, found: &found)
    }

    private static func isCandidate(_ number: NSNumber) -> Bool {
        !JSONShape.isBoolean(number) && Int64(exactly: number.doubleValue) == nil
    }

    private static func collect(_ node: Any, path: String, into candidates: inout [(path: String, value: NSNumber)]) {
        switch node {
        case let object as [String: Any]:
            for key in object.keys.sorted() { collect(object[key]!, path: path + "." + key, into: &candidates) }
        case let array as [Any]:
            for (index, element) in array.enumerated() { collect(element, path: "\(path)[\(index)]", into: &candidates) }
        case let number as NSNumber where isCandidate(number):
            candidates.append((path, number))
        default:
            break
        }
    }

    /// The document with every candidate not in `kept` set to 0, walked in `collect`'s order.
    private static func keeping(_ kept: Set<Int>, of tree: Any) -> Any {
        var index = 0
        return rebuild(tree, keeping: kept, index: &index)
    }

    private static func rebuild(_ node: Any, keeping kept: Set<Int>, index: inout Int) -> Any {
        switch node {
        case let object as [String: Any]:
            var copy: [String: Any] = [:]
            for key in object.keys.sorted() { copy[key] = rebuild(object[key]!, keeping: kept, index: &index) }
            return copy
        case let array as [Any]:
            var copy: [Any] = []
            for element in array { copy.append(rebuild(element, keeping: kept, index: &index)) }
            return copy
        case let number as NSNumber where isCandidate(number):
            defer { index += 1 }
            return kept.contains(index) ? number : NSNumber(value: 0)
        default:
            return node
        }
    }

    /// `tree` written as JSON and decoded as `type`.
    private static func decode<T: Decodable>(_ type: T.Type, _ tree: Any, _ decoder: JSONDecoder) -> Result<T, any Error> {
        Result {
            let data = try JSONSerialization.data(withJSONObject: tree, options: [.fragmentsAllowed])
            return try decoder.decode(type, from: data)
        }
    }

    /// Foundation's pathless refusal, which a misfit causes.
    private static func failsAtTheRoot(_ error: any Error) -> Bool {
        guard case DecodingError.dataCorrupted(let context) = error else { return false }
        return context.codingPath.isEmpty
    }
}

extension PlanProblem {
    /// The located problems of a failed decoding of `data` as `type`: the error's own path,
    /// or, for Foundation's pathless refusal of a number in an integer field, the field's.
    public static func located<T: Decodable>(
        _ error: DecodingError, decoding type: T.Type, from data: Data, with decoder: JSONDecoder
    ) -> [PlanProblem] {
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
            let tree = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        {
            let misfits = MisfitIntegers.locate(type, in: tree, decoder: decoder)
            if !misfits.isEmpty { return misfits }
        }
        return [PlanProblem(decoding: error)]
    }
}
