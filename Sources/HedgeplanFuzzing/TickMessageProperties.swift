import LiveFeed

/// The properties every WebSocket text message must have (`FuzzTickMessage`): it becomes a
/// tick that satisfies `TickProperties`, or it is rejected with a kind and a message.
public enum TickMessageProperties {
    public static func problems(message: String) -> [String] {
        switch TickMessage.parse(message) {
        case .tick(let tick): return TickProperties.problems(tick, previous: nil, source: "message")
        case .rejected(_, let why): return why.isEmpty ? ["a message rejected with no reason"] : []
        }
    }

    /// Whether the message is read as a tick (mutation tests count how many are).
    public static func isTick(_ message: String) -> Bool {
        if case .tick = TickMessage.parse(message) { return true }
        return false
    }
}
