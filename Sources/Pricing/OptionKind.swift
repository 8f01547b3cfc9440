/// Call or put. The raw value is stored in batch buffers (one byte per option).
public enum OptionKind: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case call = 0
    case put = 1

    /// +1 for a call, -1 for a put: the payoff is max(sign * (S - K), 0).
    @inlinable public var sign: Double { self == .call ? 1 : -1 }

    public var description: String { self == .call ? "call" : "put" }

    /// Parses `call`/`put` (also `c`/`p`, any case).
    public init?(parsing text: Substring) {
        switch text.lowercased() {
        case "call", "c": self = .call
        case "put", "p": self = .put
        default: return nil
        }
    }
}
