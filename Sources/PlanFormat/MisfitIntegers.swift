import Foundation

/// Finds the numbers of a JSON document that sit in integer fields but are not integers
/// (`2.5` or `1e30` in `offset_seconds`).
///
/// Foundation's `JSONDecoder` refuses such a number as "The given data was not valid JSON."
/// with an empty coding path, so a reader could only say `$: cannot be read`. The candidates
/// are the numbers no `Int64` holds exactly; the document is decoded again with some of them
/// set to 0, halving the set until each number that still makes the decoder fail that way
/// stands alone: about (culprits × 2 log₂ candidates) decodings, on the error path only.
enum MisfitIntegers {
    /// At most this many misfits are located; a document with more is broken beyond a list.
    static let maxReported = 20

    /// The JSON paths of the misfits, each with the number found there, in the order of the
    /// document's sorted keys; empty when none of the candidates is the cause.
    static func locate<T: Decodable>(_ type: T.Type, in tree: Any, decoder: JSONDecoder) -> [PlanProblem] {
        var candidates: [(path: String, value: NSNumber)] = []
        collect(tree, path: "$", into: &candidates)
        guard !candidates.isEmpty else { return [] }
        let fails: (Set<Int>) -> Bool = { kept in
            failsAtTheRoot(type, decoding: keeping(kept, of: tree), decoder: decoder)
        }
        // Every candidate set to 0 must decode past the root failure, or the cause is another.
        guard !fails([]) else { return [] }
        var found: [Int] = []
        search(Array(candidates.indices), fails: fails, found: &found)
        return found.map { index in
            let (path, value) = candidates[index]
            return PlanProblem(path, "expected an integer (a whole number within ±9.2e18), found \(value)")
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

    private static func failsAtTheRoot<T: Decodable>(_ type: T.Type, decoding tree: Any, decoder: JSONDecoder) -> Bool {
        guard let data = try? JSONSerialization.data(withJSONObject: tree, options: [.fragmentsAllowed]) else { return false }
        do {
            _ = try decoder.decode(type, from: data)
            return false
        } catch DecodingError.dataCorrupted(let context) {
            return context.codingPath.isEmpty
        } catch {
            return false
        }
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
