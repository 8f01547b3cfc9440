import Foundation
@testable import Venues

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

extension UInt256 {
    /// Parses a decimal string from a vector file; a malformed number is a broken fixture.
    init(decimal text: String) {
        guard let value = UInt256(text, radix: 10) else { fatalError("not a decimal uint256: \(text)") }
        self = value
    }
}

extension Int256 {
    init(decimal text: String) {
        guard let value = Int256(text) else { fatalError("not a decimal int256: \(text)") }
        self = value
    }
}
