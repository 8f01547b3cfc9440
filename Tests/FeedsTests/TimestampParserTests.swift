import Testing
@testable import Feeds

struct TimestampParserTests {
    static let textCases: [(String, Int64?)] = [
        ("2024-01-01T00:00:00Z", 1_704_067_200_000),
        ("2024-01-01t00:00:00z", 1_704_067_200_000),
        ("2024-01-01T00:00:00.123Z", 1_704_067_200_123),
        ("2024-01-01T00:00:00,5Z", 1_704_067_200_500),
        ("2024-01-01T00:00:00.123456789Z", 1_704_067_200_123),
        ("2024-01-01T02:00:00+02:00", 1_704_067_200_000),
        ("2024-01-01T02:00:00+0200", 1_704_067_200_000),
        ("2024-01-01T02:00:00+02", 1_704_067_200_000),
        ("2023-12-31T19:30:00-04:30", 1_704_067_200_000),
        ("2024-01-01 00:00:00", 1_704_067_200_000),
        ("2024-01-01 00:00:00 UTC", 1_704_067_200_000),
        ("2024-01-01 00:00:00 GMT", 1_704_067_200_000),
        ("2024-01-01T00:00", 1_704_067_200_000),
        ("2024-01-01", 1_704_067_200_000),
        ("2022-04-29 08:00:00", 1_651_219_200_000),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59Z", -1_000),
        ("2000-02-29T12:00:00Z", 951_825_600_000),
        ("2100-03-01T00:00:00Z", 4_107_542_400_000),
        // Rejected forms.
        ("2023-02-29T00:00:00Z", nil),
        ("2024-13-01", nil),
        ("2024-01-32", nil),
        ("2024-01-01T24:00:00Z", nil),
        ("2024-01-01T00:60:00Z", nil),
        ("2024-01-01T00:00:00.Z", nil),
        ("2024-01-01T00:00:00+25:00", nil),
        ("2024-01-01T00:00:00 PST", nil),
        ("2024-01-01X00:00:00", nil),
        ("2024/01/01 00:00:00", nil),
        ("01/01/2024", nil),
        ("", nil),
        ("abc", nil),
    ]

    @Test(arguments: textCases)
    func textForms(_ text: String, _ expected: Int64?) {
        #expect(TimestampParser.parseText(text) == expected, "\(text)")
    }

    static let epochCases: [(String, TimestampParser.EpochUnit, Int64?)] = [
        ("1704067200", .seconds, 1_704_067_200_000),
        ("1704067200.5", .seconds, 1_704_067_200_500),
        ("1704067200.123456", .seconds, 1_704_067_200_123),
        ("1704067200000", .milliseconds, 1_704_067_200_000),
        ("1704067200000000", .microseconds, 1_704_067_200_000),
        ("1704067200000000000", .nanoseconds, nil),   // 19 digits: beyond the parser's 18
        ("170406720000000000", .nanoseconds, 170_406_720_000),
        ("-1", .seconds, nil),
        ("1e9", .seconds, nil),
        ("", .seconds, nil),
    ]

    @Test(arguments: epochCases)
    func epochForms(_ text: String, _ unit: TimestampParser.EpochUnit, _ expected: Int64?) {
        #expect(TimestampParser.parseEpoch(text, unit: unit) == expected, "\(text)")
    }

    @Test func unitByMagnitude() {
        #expect(TimestampParser.EpochUnit.guess(forMagnitude: 1_704_067_200) == .seconds)
        #expect(TimestampParser.EpochUnit.guess(forMagnitude: 99_999_999_999) == .seconds)
        #expect(TimestampParser.EpochUnit.guess(forMagnitude: 1_704_067_200_000) == .milliseconds)
        #expect(TimestampParser.EpochUnit.guess(forMagnitude: 1_704_067_200_000_000) == .microseconds)
        #expect(TimestampParser.EpochUnit.guess(forMagnitude: 1_704_067_200_000_000_000) == .nanoseconds)
    }

    @Test func formatterRoundTrips() {
        for t: Int64 in [0, -1_000, 1_704_067_200_000, 1_704_067_200_123, 951_825_600_000, 4_107_542_400_000] {
            #expect(TimestampParser.parseText(TimestampFormatter.iso8601(t)) == t)
        }
        #expect(TimestampFormatter.iso8601(1_704_067_200_123) == "2024-01-01T00:00:00.123Z")
        #expect(TimestampFormatter.duration(7_200_000) == "2h")
        #expect(TimestampFormatter.duration(90_000) == "90s")
    }
}

struct NumberParserTests {
    static let cases: [String] = ["0", "1", "3000", "39410.22", "0.1408", "-2.5", "+7", "1e3", "1.5E-3",
                                  "123456789012345678", "0.12345678901234567", "1234567890.1234567890123",
                                  "9007199254740993", "1e300", "4.9e-324", "00012.5000", ".5", "5.", "nan", "inf", "-Infinity"]

    @Test(arguments: cases)
    func agreesWithSwift(_ text: String) {
        var t = text
        let v = t.withUTF8 { NumberParser.parseDouble($0.baseAddress!, $0.baseAddress! + $0.count) }
        let expected = Double(text)
        if let expected, expected.isNaN { #expect(v?.isNaN == true) } else { #expect(v == expected, "\(text)") }
    }

    @Test(arguments: ["", "-", "1.2.3", "1e", "abc", "12a", "1 2", "--1", "."])
    func rejects(_ text: String) {
        var t = text
        let v = t.withUTF8 { b -> Double? in
            guard let base = b.baseAddress else { return nil }
            return NumberParser.parseDouble(base, base + b.count)
        }
        #expect(v == nil, "\(text)")
    }
}
