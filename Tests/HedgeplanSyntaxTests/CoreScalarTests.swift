import Testing
@testable import HedgeplanSyntax

/// YAML 1.2 core-schema typing, against the spec's table (yaml.org/spec/1.2.2, 10.3.2),
/// and the YAML 1.1 surprises it must not reproduce.
struct CoreScalarTests {
    @Test(arguments: [
        ("null", CoreScalar.null), ("~", .null), ("", .null),
        ("true", .bool(true)), ("False", .bool(false)),
        ("0", .int(0)), ("-19", .int(-19)), ("+12", .int(12)), ("0o14", .int(12)), ("0xC", .int(12)),
        ("3000", .int(3000)), ("9.0e5", .float(900_000)), ("1.", .float(1)), (".5", .float(0.5)),
        ("-.inf", .float(-.infinity)), ("1e3", .float(1000)),
        // YAML 1.1 values that YAML 1.2 reads as strings.
        ("no", .string("no")), ("off", .string("off")), ("yes", .string("yes")),
        ("1:30", .string("1:30")), ("2026-12-25", .string("2026-12-25")),
        ("2026-11-27T08:00:00Z", .string("2026-11-27T08:00:00Z")),
        ("65%", .string("65%")), ("7d", .string("7d")), ("25 gwei", .string("25 gwei")),
    ])
    func plainScalars(text: String, expected: CoreScalar) {
        #expect(Scalar(text).core == expected)
    }

    @Test func octalWithoutPrefixIsDecimal() {
        // YAML 1.1 reads 017 as octal 15; YAML 1.2 core reads it as decimal 17.
        #expect(Scalar("017").core == .int(17))
    }

    @Test func nanIsAFloat() {
        guard case .float(let value) = Scalar(".nan").core else {
            Issue.record("expected a float")
            return
        }
        #expect(value.isNaN)
    }

    @Test func quotedScalarsAreStrings() {
        #expect(Scalar("3000", style: .doubleQuoted).core == .string("3000"))
        #expect(Scalar("true", style: .singleQuoted).core == .string("true"))
        #expect(Scalar("12", tag: "tag:yaml.org,2002:str").core == .string("12"))
    }
}
