/// When an option or future expires: a duration from the valuation time, or an instant.
public enum Expiry: Hashable, Sendable, CustomStringConvertible {
    case after(TimeSpan)
    case at(Instant)

    /// Seconds from the valuation time to expiry.
    public func seconds(from valuation: Instant) -> Double {
        switch self {
        case .after(let d): return d.seconds
        case .at(let instant): return Double(valuation.seconds(until: instant))
        }
    }

    public var description: String {
        switch self {
        case .after(let d): return d.description
        case .at(let i): return i.description
        }
    }
}
