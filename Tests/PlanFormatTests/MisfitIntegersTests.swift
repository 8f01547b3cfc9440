import Foundation
import Testing
@testable import PlanFormat

/// Foundation's decoder names no path for a number that does not fit an integer field;
/// `MisfitIntegers` finds it, by the decoded value's types where its shape is the JSON's,
/// else by halving the candidates.
struct MisfitIntegersTests {
    struct Columns: Decodable {
        var hedges: [Int]
        var pnl: [Double]
        var label: String?
    }

    /// A type with its own coding: its property is not named as its key, so the walk cannot
    /// tell the field's type and the candidates are halved.
    struct Renamed: Decodable {
        var count: Int
        var weight: Double
        enum Key: String, CodingKey { case n, w }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            count = try container.decode(Int.self, forKey: .n)
            weight = try container.decode(Double.self, forKey: .w)
        }
    }

    /// Columns under keys its properties do not carry (as `StressShard`'s outcomes, stored
    /// as rows behind a property wrapper).
    struct Recoded: Decodable {
        var rows: [(count: Int, amount: Double)]
        enum Key: String, CodingKey { case h, p }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            let counts = try container.decode([Int].self, forKey: .h)
            let amounts = try container.decode([Double].self, forKey: .p)
            rows = Array(zip(counts, amounts))
        }
    }

    static func problems<T: Decodable>(_ type: T.Type, _ json: String) -> [String] {
        let data = Data(json.utf8)
        do {
            _ = try JSONDecoder().decode(type, from: data)
            return ["decoded"]
        } catch let error as DecodingError {
            return PlanProblem.located(error, decoding: type, from: data, with: JSONDecoder()).map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    /// 10,000 fractional figures beside two misfits: the walk finds both by their fields'
    /// types, where halving would decode the document some 60 times.
    @Test func aLongDocumentIsTypedNotHalved() {
        var pnl = (0..<10_000).map { "\(Double($0) + 0.5)" }
        pnl[17] = "1e300"
        var hedges = (0..<10_000).map { "\($0)" }
        hedges[4_000] = "2.5"
        hedges[9_999] = "-1e19"
        let json = #"{"hedges": [\#(hedges.joined(separator: ","))], "pnl": [\#(pnl.joined(separator: ","))]}"#
        #expect(Self.problems(Columns.self, json) == [
            "$.hedges[4000]: expected an integer (a whole number within ±9.2e18), found 2.5",
            "$.hedges[9999]: expected an integer (a whole number within ±9.2e18), found -1e+19",
        ])
    }

    @Test func aTypeWithItsOwnCodingIsHalved() {
        #expect(Self.problems(Renamed.self, #"{"n": 3.25, "w": 0.5}"#) == [
            "$.n: expected an integer (a whole number within ±9.2e18), found 3.25",
        ])
    }

    /// A type with its own coding and 10,000 fractional figures: fields are tried whole, one
    /// decoding each, and the integer field's misfits named, the first 20 of 300.
    @Test func fieldsAreTriedWholeBeforeHalving() {
        let amounts = (0..<10_000).map { "\(Double($0) + 0.25)" }.joined(separator: ",")
        let two = #"{"h": [1, 2.5, 3, 4e19], "p": [\#(amounts)]}"#
        #expect(Self.problems(Recoded.self, two) == [
            "$.h[1]: expected an integer (a whole number within ±9.2e18), found 2.5",
            "$.h[3]: expected an integer (a whole number within ±9.2e18), found 4e+19",
        ])
        let many = #"{"h": [\#((0..<300).map { "\(Double($0) + 0.5)" }.joined(separator: ","))], "p": [\#(amounts)]}"#
        let found = Self.problems(Recoded.self, many)
        #expect(found.count == MisfitIntegers.maxReported)
        #expect(found.first == "$.h[0]: expected an integer (a whole number within ±9.2e18), found 0.5")
        #expect(found.last == "$.h[19]: expected an integer (a whole number within ±9.2e18), found 19.5")
    }

    /// No candidate, or a cause that is not a misfit: the decoder's own words stay.
    @Test func otherFailuresAreLeftToTheDecoder() {
        #expect(Self.problems(Columns.self, #"{"hedges": [1], "pnl": ["x"]}"#) == ["$.pnl[0]: expected a number"])
        #expect(Self.problems(Columns.self, #"{"hedges": [1], "pnl": [0.5], "label": "ok"}"#) == ["decoded"])
    }
}
