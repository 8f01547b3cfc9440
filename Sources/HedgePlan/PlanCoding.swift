import Foundation

/// The canonical JSON form of a plan: keys sorted, two-space pretty printing, numbers in
/// their shortest round-tripping form, a final newline. Encoding the same plan always gives
/// the same bytes, and decoding then re-encoding a plan gives its bytes back.
public enum PlanCoding {
    public enum DecodingError: Error, CustomStringConvertible, Equatable {
        case notAPlan(String)
        case unsupportedVersion(Int)
        case malformed(String)

        public var description: String {
            switch self {
            case .notAPlan(let format): return "not a Hedgeplan plan (format \"\(format)\", expected \"\(HedgingPlan.formatName)\")"
            case .unsupportedVersion(let v): return "plan version \(v) is newer than this runtime reads (\(HedgingPlan.currentVersion)); upgrade hedgeplan"
            case .malformed(let why): return "malformed plan: \(why)"
            }
        }
    }

    public static func encode(_ plan: HedgingPlan) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Plans hold finite numbers only (the compiler checks); encoding cannot fail.
        var data = try! encoder.encode(plan)
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data) throws(DecodingError) -> HedgingPlan {
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let header = try? decoder.decode(Header.self, from: data) else {
            throw .malformed("not a JSON object")
        }
        guard header.format == HedgingPlan.formatName else { throw .notAPlan(header.format ?? "missing") }
        guard let version = header.version, version <= HedgingPlan.currentVersion else {
            throw .unsupportedVersion(header.version ?? -1)
        }
        do {
            return try decoder.decode(HedgingPlan.self, from: data)
        } catch {
            throw .malformed(String(describing: error))
        }
    }
}
