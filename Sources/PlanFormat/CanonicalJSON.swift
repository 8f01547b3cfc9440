import Foundation

/// The one JSON spelling of plans and of the files that name them by hash (proposals,
/// activation logs): keys sorted, two-space pretty printing, snake_case keys, numbers in
/// their shortest round-tripping form, a final newline. The same value always gives the
/// same bytes, so a hash of the bytes names the value.
public enum CanonicalJSON {
    /// Values of these formats hold finite numbers and strings only: encoding cannot fail.
    public static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var data = try! encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// A decoder for the same spelling.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
