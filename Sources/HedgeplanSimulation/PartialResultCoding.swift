import Foundation

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

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(type, from: data)
    }
}
