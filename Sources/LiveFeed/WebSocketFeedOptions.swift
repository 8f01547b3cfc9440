/// How a `WebSocketFeed` connects, reconnects, detects staleness and ends.
public struct WebSocketFeedOptions: Sendable {
    /// No accepted tick for this long (wall-clock, by arrival) makes the feed stale: the next
    /// tick carries `.afterGap` and `lastGap` is set. Default 60 s.
    public var staleAfter: Duration
    /// When the server closes with the normal close code (1000), the feed ends (`next()`
    /// returns nil). When false, a normal close is treated like a dropped connection and the
    /// feed reconnects. Any other close code, or a dropped connection, always reconnects.
    public var endOnClose: Bool
    /// End the feed after this many accepted ticks (nil: no limit).
    public var maxTicks: Int?
    /// End the feed this long (wall-clock) after it was opened (nil: no limit).
    public var maxDuration: Duration?
    /// Reconnect policy after a dropped connection or a failed connect.
    public var reconnect: ReconnectPolicy
    /// Messages received but not yet taken by `next()`, at most. When the buffer is full the
    /// connection stops reading (TCP back-pressure reaches the server); nothing is dropped.
    public var bufferCapacity: Int
    /// Largest message accepted, in bytes; a larger one closes the connection (and the feed
    /// reconnects). Default 1 MiB.
    public var maxMessageSize: Int
    /// Send a WebSocket ping this often and drop the connection (then reconnect) when the
    /// pong does not come back in time: detects half-open connections. nil: no pings.
    public var pingInterval: Duration?
    /// Drop the connection and reconnect when it has delivered no message for this long
    /// (nil: never). Catches a server that stays connected but stops sending. Set it well
    /// above the feed's normal quiet periods; staleness is still reported after `staleAfter`.
    public var reconnectAfterSilence: Duration?
    /// How long to wait for the server's answer to our close frame on shutdown.
    public var closeTimeout: Duration
    /// Issue details kept (counts are always complete), as `CSVFeedOptions.maxIssueDetails`.
    public var maxIssueDetails: Int
    /// Told, on the connection task, each time a connect fails or a connection drops and
    /// the feed will retry, with a sentence such as `cannot connect to 127.0.0.1:9: connection
    /// refused; retrying in 1.2 s (attempt 1 of 10)`: the command line prints it, so that an
    /// unreachable server is not a minute of silence. nil: only kept in `notes`.
    public var onRetry: (@Sendable (String) -> Void)?

    public init(staleAfter: Duration = .seconds(60), endOnClose: Bool = true, maxTicks: Int? = nil,
                maxDuration: Duration? = nil, reconnect: ReconnectPolicy = ReconnectPolicy(),
                bufferCapacity: Int = 4_096, maxMessageSize: Int = 1 << 20,
                pingInterval: Duration? = .seconds(30), reconnectAfterSilence: Duration? = nil,
                closeTimeout: Duration = .seconds(2),
                maxIssueDetails: Int = 1_000, onRetry: (@Sendable (String) -> Void)? = nil) {
        self.staleAfter = staleAfter
        self.endOnClose = endOnClose
        self.maxTicks = maxTicks
        self.maxDuration = maxDuration
        self.reconnect = reconnect
        self.bufferCapacity = bufferCapacity
        self.maxMessageSize = maxMessageSize
        self.pingInterval = pingInterval
        self.reconnectAfterSilence = reconnectAfterSilence
        self.closeTimeout = closeTimeout
        self.maxIssueDetails = maxIssueDetails
        self.onRetry = onRetry
    }
}

/// Exponential backoff with jitter, bounded in attempts.
///
/// After a connection drops (or a connect fails), attempt `n` (1-based) waits
/// `min(maxDelay, initialDelay * multiplier^(n-1))`, scaled by a random factor in
/// `1 ± jitter`, then connects again. The count restarts at zero once a connection delivers
/// a message; after `maxAttempts` consecutive attempts without one the feed ends.
public struct ReconnectPolicy: Sendable, Equatable {
    /// Consecutive reconnect attempts before giving up (0: never reconnect).
    public var maxAttempts: Int
    public var initialDelay: Duration
    public var maxDelay: Duration
    public var multiplier: Double
    /// Relative spread of the random factor applied to each delay (0.25: ±25%), in 0...1.
    public var jitter: Double

    public init(maxAttempts: Int = 8, initialDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(30),
                multiplier: Double = 2, jitter: Double = 0.25) {
        self.maxAttempts = max(0, maxAttempts)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.multiplier = max(1, multiplier)
        self.jitter = min(1, max(0, jitter))
    }

    /// Never reconnect: the feed ends when the first connection does.
    public static let never = ReconnectPolicy(maxAttempts: 0)

    /// The delay before attempt `attempt` (1-based), with `unit` a random number in 0..<1.
    public func delay(attempt: Int, unit: Double) -> Duration {
        let base = initialDelay.seconds * pow(multiplier, Double(max(0, attempt - 1)))
        let capped = min(maxDelay.seconds, base)
        let factor = 1 + jitter * (2 * unit - 1)
        return .nanoseconds(Int64((max(0, capped * factor) * 1e9).rounded()))
    }

    /// The delay before attempt `attempt`, with fresh randomness.
    public func delay(attempt: Int) -> Duration {
        delay(attempt: attempt, unit: Double.random(in: 0..<1))
    }

    private func pow(_ x: Double, _ n: Double) -> Double {
        // Small integer powers; avoids importing libm for one call. Overflow saturates to inf.
        var result = 1.0
        var k = Int(n)
        while k > 0 && result < 1e12 { result *= x; k -= 1 }
        return result
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) * 1e-18
    }
}
