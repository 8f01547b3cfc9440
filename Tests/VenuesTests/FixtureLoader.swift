import BigInt
import Foundation

/// Reads the Uniswap vector files from `Fixtures/` beside this source file (they are
/// excluded from the target's resources, so the tests find them through `#filePath`).
enum FixtureLoader {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func decode<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONDecoder().decode(T.self, from: data)
    }
}

extension BigUInt {
    /// Parses a decimal string from a vector file; a malformed number is a broken fixture.
    init(decimal text: String) {
        guard let value = BigUInt(text, radix: 10) else { fatalError("not a decimal integer: \(text)") }
        self = value
    }
}

extension BigInt {
    init(decimal text: String) {
        guard let value = BigInt(text, radix: 10) else { fatalError("not a decimal integer: \(text)") }
        self = value
    }
}
