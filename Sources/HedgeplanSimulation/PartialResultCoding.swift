import Foundation
import PlanFormat

/// How partial results (`StressShard`, `TuneShard`) are written and read: compact JSON,
/// sorted snake_case keys, numbers in Swift's shortest round-trip form, which reads back to
/// the same bits, so that merged shards print the unsharded bytes.
enum PartialResultCoding {
    static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Partial results hold finite numbers (the engine's P&L is finite): encoding cannot fail.
        var data = try! encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Throws the first located `PlanProblem` when the bytes are JSON of another shape.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw PlanProblem.located(error, decoding: type, from: data, with: decoder)[0]
        }
    }
}

/// What every partial result says of itself first: which kind it is (`StressShard`,
/// `TuneShard`, `PortfolioStressShard`), in which layout. Only these two keys are decoded.
public struct FormatStamp: Decodable, Sendable {
    public var format: String?
    public var version: Int?

    /// The stamp of a partial result's bytes; nil when they are not a JSON object.
    public init?(_ data: Data) {
        guard let stamp = try? JSONDecoder().decode(FormatStamp.self, from: data) else { return nil }
        self = stamp
    }
}
