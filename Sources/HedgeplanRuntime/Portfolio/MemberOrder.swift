/// The order members act in within a tick.
public enum MemberOrder: Sendable, Equatable {
    /// By member line, then copy.
    case fixed
    /// Reshuffled on every tick from the seed.
    case shuffle(seed: UInt64)
}
