import Foundation
import Testing
@testable import PlanFormat

/// A hand-edited plan with a mistake is refused with one line per problem, naming the JSON
/// path and what was expected: never a Swift error dump, never a silent default. Each row
/// is an edit the plan fuzzer found running silently (or crashing) with format version 1.
struct PlanRejectionTests {
    struct Edit: CustomTestStringConvertible, Sendable {
        let name: String
        let apply: @Sendable (inout [String: Any]) -> Void
        let expected: [String]
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "unknown trigger", apply: { set(&$0, ["hedge", "delta", "trigger", "kind"], "bnad") },
             expected: [#"$.hedge.delta.trigger.kind: unknown trigger "bnad"; expected band, interval, hybrid or whalley-wilmott"#]),
        Edit(name: "misspelt key", apply: { rename(&$0, ["hedge", "delta", "trigger"], "half_width", "half_widht") },
             expected: [
                "$.hedge.delta.trigger.half_widht: unknown key; did you mean `half_width`?",
                "$.hedge.delta.trigger.half_width: missing; a band trigger needs it",
             ]),
        Edit(name: "negative strike", apply: { set(&$0, ["legs", 1, "strike"], -5) },
             expected: ["$.legs[1].strike: -5 is out of range: must be at least 1e-12 and at most 1000000000000"]),
        // Found by the plan mutation test (seed 4, mutant 8,684 of 30,000): a subnormal price
        // passed `> 0` and trapped converting an infinite tick to an integer.
        Edit(name: "subnormal strike", apply: { set(&$0, ["legs", 1, "strike"], Double.leastNonzeroMagnitude) },
             expected: ["$.legs[1].strike: 5e-324 is out of range: must be at least 1e-12 and at most 1000000000000"]),
        // Found by the plan mutation test: sums of amounts beyond 1e12 QUOTE lose their cents
        // (a 1e17 LP capital drifted 22 QUOTE from its components).
        Edit(name: "notional beyond 1e12", apply: { set(&$0, ["legs", 2, "quantity"], 900_000_000) },
             expected: ["$.legs[2].quantity: 900000000 at the plan's spot 3000 is more than 1e12 QUOTE: amounts that large cannot be booked to the cent"]),
        // Found by hand (2026-12-01): the first cycle traded the edited strike, every roll
        // after it the rule's.
        Edit(name: "absolute strike edited alone",
             apply: { set(&$0, ["legs", 1, "strike_rule"], ["kind": "absolute", "value": 2800] as [String: Any]) },
             expected: ["$.legs[1].strike_rule.value: 2800 is not the strike beside it (2700); edit both, or recompile"]),
        Edit(name: "missing key", apply: { remove(&$0, ["legs", 0], "quantity") },
             expected: ["$.legs[0].quantity: missing; this key is required"]),
        Edit(name: "string for a number", apply: { set(&$0, ["market", "spot"], "3000") },
             expected: ["$.market.spot: expected a number"]),
        Edit(name: "bogus instrument", apply: { set(&$0, ["hedge", "instrument"], "bogus") },
             expected: [#"$.hedge.instrument: unknown hedge instrument "bogus"; expected spot or perp"#]),
        Edit(name: "no venues", apply: { set(&$0, ["execution", "venues"], [Any]()) },
             expected: ["$.execution.venues: no venue offers the hedge instrument perp (a perp venue is needed)"]),
        Edit(name: "unknown venue kind", apply: { set(&$0, ["execution", "venues", 1, "kind"], "orderbook") },
             expected: [#"$.execution.venues[1].kind: unknown venue kind "orderbook"; expected constant-product, concentrated-liquidity or perp"#]),
        Edit(name: "absurd quantity", apply: { set(&$0, ["legs", 2, "quantity"], 1e308) },
             expected: ["$.legs[2].quantity: 1e+308 is out of range: its size must be above 0 and at most 1000000000"]),
        Edit(name: "zero band", apply: { set(&$0, ["hedge", "delta", "trigger", "half_width"], 0) },
             expected: ["$.hedge.delta.trigger.half_width: 0 is out of range: must be above 0 and at most 1000000000"]),
        Edit(name: "negative band", apply: { set(&$0, ["hedge", "delta", "trigger", "half_width"], -1) },
             expected: ["$.hedge.delta.trigger.half_width: -1 is out of range: must be above 0 and at most 1000000000"]),
        Edit(name: "whalley-wilmott without its parameters",
             apply: { set(&$0, ["hedge", "delta", "trigger"], ["kind": "whalley-wilmott"] as [String: Any]) },
             expected: [
                "$.hedge.delta.trigger.risk_aversion: missing; a whalley-wilmott trigger needs it",
                "$.hedge.delta.trigger.cost_rate: missing; a whalley-wilmott trigger needs it",
             ]),
        Edit(name: "roll offset that overflows milliseconds", apply: { set(&$0, ["roll", "every_seconds"], 100_000_000_000_000_000) },
             expected: ["$.roll.every_seconds: 100000000000000000 s is out of range: must be above 0 and at most 3153600000 s (100 years)"]),
        // Found by the sweep of 2026-12-02: Foundation's decoder refuses a number that does
        // not fit an integer field as "not valid JSON", with no path; the reader finds it.
        Edit(name: "fractional seconds", apply: { set(&$0, ["roll", "every_seconds"], 2_592_000.5) },
             expected: ["$.roll.every_seconds: expected an integer (a whole number within ±9.2e18), found 2592000.5"]),
        Edit(name: "two integers out of Int64's range",
             apply: {
                 set(&$0, ["roll", "every_seconds"], 1e19)
                 set(&$0, ["clock", "as_of_ms"], -1e30)
             },
             expected: [
                 "$.clock.as_of_ms: expected an integer (a whole number within ±9.2e18), found -1e+30",
                 "$.roll.every_seconds: expected an integer (a whole number within ±9.2e18), found 1e+19",
             ]),
        Edit(name: "unknown breaker action", apply: { set(&$0, ["safety", 0, "action"], "explode") },
             expected: [#"$.safety[0].action: unknown breaker action "explode"; expected halt, flatten or pause"#]),
        Edit(name: "pause without a duration", apply: { remove(&$0, ["safety", 1], "pause_seconds") },
             expected: ["$.safety[1].pause_seconds: missing; a pause lasts a while"]),
        Edit(name: "malformed source hash", apply: { set(&$0, ["source", "sha256"], "xyz") },
             expected: ["$.source.sha256: expected 64 lowercase hexadecimal digits (the SHA-256 of the strategy file)"]),
        Edit(name: "ISO copy edited alone", apply: { set(&$0, ["clock", "as_of"], "2026-11-28T08:00:00Z") },
             expected: [#"$.clock.as_of: "2026-11-28T08:00:00Z" is not the instant in the milliseconds beside it (2026-11-27T08:00:00Z); edit both, or recompile"#]),
        Edit(name: "version 1", apply: { set(&$0, ["version"], 1) },
             expected: ["$.version: plan format version 1 is no longer read (its instants were text and its vocabularies unchecked); recompile the strategy with `hedgeplan compile STRATEGY -o plan.json`"]),
        Edit(name: "version 0", apply: { set(&$0, ["version"], 0) }, expected: ["$.version: expected the integer 2, found 0"]),
        Edit(name: "version -1", apply: { set(&$0, ["version"], -1) }, expected: ["$.version: expected the integer 2, found -1"]),
        Edit(name: "version as text", apply: { set(&$0, ["version"], "1") },
             expected: [#"$.version: expected the integer 2, found the string "1""#]),
        Edit(name: "newer version", apply: { set(&$0, ["version"], 3) },
             expected: ["$.version: plan format version 3 is newer than this hedgeplan reads (2); upgrade hedgeplan"]),
        Edit(name: "another format", apply: { set(&$0, ["format"], "something") },
             expected: [#"$.format: not a Hedgeplan plan: format "something", expected "hedgeplan.plan""#]),
        Edit(name: "lp fee_apr above 1000%",
             apply: {
                 set(&$0, ["legs", 0], [
                     "id": "pool", "instrument": "lp", "quantity": 1,
                     "liquidity": ["venue": "univ2", "liquidity": 912.87, "capital": 100_000, "fee_apr": 12] as [String: Any],
                 ] as [String: Any])
             },
             expected: ["$.legs[0].liquidity.fee_apr: 12 is out of range: must be at least 0 and at most 10"]),
        Edit(name: "lp fee_apr negative",
             apply: {
                 set(&$0, ["legs", 0], [
                     "id": "pool", "instrument": "lp", "quantity": 1,
                     "liquidity": ["venue": "univ2", "liquidity": 912.87, "capital": 100_000, "fee_apr": -0.1] as [String: Any],
                 ] as [String: Any])
             },
             expected: ["$.legs[0].liquidity.fee_apr: -0.1 is out of range: must be at least 0 and at most 10"]),
        Edit(name: "escape sequence in a word", apply: { set(&$0, ["execution", "routing"], "\u{1B}[31mred") },
             expected: [
                #"$.execution.routing: unknown routing "\u{1b}[31mred"; expected best or split"#,
             ]),
    ]

    @Test(arguments: edits)
    func refusesWithEveryProblemLocated(_ edit: Edit) throws {
        var object = try #require(JSONSerialization.jsonObject(with: PlanCoding.encode(PlanFixtures.hedgedCondor)) as? [String: Any])
        edit.apply(&object)
        let data = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try PlanCoding.decode(data)
            Issue.record("\(edit.name): accepted")
        } catch {
            #expect(error.problems.map(\.description) == edit.expected)
        }
    }

    @Test func notJSONAndNotAnObject() {
        #expect(throws: PlanRejection([PlanProblem("$", "not JSON (a compiled plan is a JSON object written by `hedgeplan compile`)")])) {
            try PlanCoding.decode(Data("strategy: yaml".utf8))
        }
        #expect(throws: PlanRejection([PlanProblem("$", "expected a JSON object (a compiled plan), found an array")])) {
            try PlanCoding.decode(Data("[1]".utf8))
        }
    }

    // MARK: JSON editing

    static func set(_ object: inout [String: Any], _ path: [Any], _ value: Any) {
        object = edited(object, path[...], value: value) as! [String: Any]
    }

    static func rename(_ object: inout [String: Any], _ path: [Any], _ from: String, _ to: String) {
        var target = lookup(object, path[...]) as! [String: Any]
        target[to] = target.removeValue(forKey: from)
        set(&object, path, target)
    }

    static func remove(_ object: inout [String: Any], _ path: [Any], _ key: String) {
        var target = lookup(object, path[...]) as! [String: Any]
        target.removeValue(forKey: key)
        set(&object, path, target)
    }

    static func lookup(_ node: Any, _ path: ArraySlice<Any>) -> Any {
        guard let head = path.first else { return node }
        if let key = head as? String { return lookup((node as! [String: Any])[key]!, path.dropFirst()) }
        return lookup((node as! [Any])[head as! Int], path.dropFirst())
    }

    static func edited(_ node: Any, _ path: ArraySlice<Any>, value: Any) -> Any {
        guard let head = path.first else { return value }
        if let key = head as? String {
            var dictionary = node as! [String: Any]
            dictionary[key] = edited(dictionary[key] ?? [String: Any](), path.dropFirst(), value: value)
            return dictionary
        }
        var array = node as! [Any]
        array[head as! Int] = edited(array[head as! Int], path.dropFirst(), value: value)
        return array
    }
}
