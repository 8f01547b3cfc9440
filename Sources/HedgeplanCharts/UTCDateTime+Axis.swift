import HedgeplanTime

/// Time axes carry milliseconds since the epoch as `Double`; these convert at the axis.
extension UTCDateTime {
    /// The date and time of an axis value in milliseconds since the epoch (fractions of a
    /// millisecond dropped).
    public init(millisecondsSinceEpoch ms: Double) {
        self.init(epochMilliseconds: Int64(ms.rounded(.down)))
    }

    /// Milliseconds since 1970-01-01T00:00:00Z as an axis value.
    public var millisecondsSinceEpoch: Double { Double(epochMilliseconds) }

    /// `2024-03-05 14:00` (seconds added when not zero), for tooltips.
    public var isoMinutes: String {
        var s = "\(year)-\(ZeroPadded.text(month))-\(ZeroPadded.text(day)) \(ZeroPadded.text(hour)):\(ZeroPadded.text(minute))"
        if second != 0 { s += ":\(ZeroPadded.text(second))" }
        return s
    }
}
