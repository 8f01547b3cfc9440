import Testing
import HedgeplanTime

/// ISO 8601 text against milliseconds computed with Python's
/// `datetime.fromisoformat(s) - datetime(1970, 1, 1, tzinfo=timezone.utc)` or GNU
/// `date -u -d ... +%s%3N`, independently of this code.
@Suite struct ISO8601Tests {
    static let strategyForms: [(String, Int64?)] = [
        ("1970-01-01T00:00:00Z", 0),
        ("2000-02-29T00:00:00Z", 951_782_400_000),
        ("9999-12-31T23:59:59.999Z", 253_402_300_799_999),
        ("0001-01-01T00:00:00Z", -62_135_596_800_000),
        ("2026-11-27T10:00:00+02:00", 1_795_766_400_000),
        ("2026-11-27 08:00:00Z", 1_795_766_400_000),
        ("1969-12-31T23:59:59.999Z", -1),
        ("2026-11-27T08:00:00.2509Z", 1_795_766_400_250),
        // Refused by the language: ambiguous or impossible.
        ("2026-12-25", nil),                    // no time
        ("2026-12-25T08:00Z", nil),             // no seconds
        ("2026-12-25T08:00:00", nil),           // no zone
        ("2026-12-25t08:00:00z", nil),          // lower case
        ("2026-12-25T08:00:00+0200", nil),      // compact offset
        ("2026-12-25T08:00:00 UTC", nil),       // named zone
        ("2016-12-31T23:59:60Z", nil),          // leap second
        ("2023-02-29T00:00:00Z", nil),          // no such day
        ("-0001-01-01T00:00:00Z", nil),         // negative year
        ("+10000-01-01T00:00:00Z", nil),        // five-digit year
        ("2026-12-25T08:00:00+24:00", nil),     // offset past 23:59
        ("2026-12-25T08:00:00Zjunk", nil),
        ("", nil),
    ]

    @Test(arguments: strategyForms)
    func strategyGrammar(_ text: String, _ expected: Int64?) {
        #expect(ISO8601.parse(text, grammar: .strategy) == expected, "\(text)")
    }

    static let feedForms: [(String, Int64?)] = [
        ("2024-01-01", 1_704_067_200_000),
        ("2024-01-01T00:00", 1_704_067_200_000),
        ("2024-01-01t00:00:00z", 1_704_067_200_000),
        ("2024-01-01 00:00:00 GMT", 1_704_067_200_000),
        ("2024-01-01T02:00:00+02", 1_704_067_200_000),
        ("2023-12-31T19:30:00-0430", 1_704_067_200_000),
        ("2024-01-01T00:00:00,5Z", 1_704_067_200_500),
        ("2016-12-31T23:59:60Z", nil),
        ("2024-01-01T00:00:00 PST", nil),
    ]

    @Test(arguments: feedForms)
    func feedGrammar(_ text: String, _ expected: Int64?) {
        #expect(ISO8601.parse(text, grammar: .feed) == expected, "\(text)")
    }

    @Test func formatting() {
        #expect(ISO8601.format(epochMilliseconds: 0) == "1970-01-01T00:00:00Z")
        #expect(ISO8601.format(epochMilliseconds: -1) == "1969-12-31T23:59:59.999Z")
        #expect(ISO8601.format(epochMilliseconds: 951_782_400_000) == "2000-02-29T00:00:00Z")
        #expect(ISO8601.format(epochMilliseconds: 253_402_300_799_999) == "9999-12-31T23:59:59.999Z")
        #expect(ISO8601.format(epochMilliseconds: 1_704_067_200_050) == "2024-01-01T00:00:00.050Z")
    }

    /// Formatting then parsing gives the same instant, in both grammars, over 0001...9999.
    @Test func roundTrips() {
        var ms: Int64 = -62_135_596_800_000
        while ms < 253_402_300_799_999 {
            let text = ISO8601.format(epochMilliseconds: ms)
            #expect(ISO8601.parse(text, grammar: .strategy) == ms, "\(text)")
            #expect(ISO8601.parse(text, grammar: .feed) == ms, "\(text)")
            ms += 9_876_543_210_987
        }
    }

    @Test func dateTimeFields() {
        // Python: datetime(2024, 2, 29, 12, 34, 56, 789000, tzinfo=timezone.utc).timestamp() * 1000
        let d = UTCDateTime(epochMilliseconds: 1_709_210_096_789)
        #expect(d == UTCDateTime(year: 2024, month: 2, day: 29, hour: 12, minute: 34, second: 56, millisecond: 789))
        #expect(d.epochMilliseconds == 1_709_210_096_789)
        #expect(UTCDateTime(epochMilliseconds: -3_600_000) == UTCDateTime(year: 1969, month: 12, day: 31, hour: 23))
    }

    @Test func floorDivision() {
        #expect(EpochMilliseconds.floorDivide(-1, 1_000) == -1)
        #expect(EpochMilliseconds.floorDivide(-1_000, 1_000) == -1)
        #expect(EpochMilliseconds.floorDivide(999, 1_000) == 0)
        #expect(EpochMilliseconds.wholeSecond(-1) == -1_000)
        #expect(EpochMilliseconds.split(-1) == (days: -1, millisecondOfDay: 86_399_999))
    }

    @Test func yearLength() {
        #expect(YearLength.seconds == 31_536_000)
        #expect(YearLength.milliseconds == 31_536_000_000)
        #expect(YearLength.secondsValue == 31_536_000.0)
    }
}

extension ISO8601Tests {
    @Test func wholeSecondsFormatLikeMilliseconds() {
        for s: Int64 in [0, -1, 951_782_400, 253_402_300_799, -62_135_596_800] {
            #expect(ISO8601.format(epochSeconds: s) == ISO8601.format(epochMilliseconds: s * 1_000))
        }
        // Python: datetime(1969, 7, 20, 20, 17, 40, tzinfo=timezone.utc).timestamp() == -14182940
        #expect(ISO8601.format(epochSeconds: -14_182_940) == "1969-07-20T20:17:40Z")
    }
}
