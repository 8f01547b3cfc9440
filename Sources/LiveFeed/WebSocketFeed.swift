import Feeds
// The WebSocket transport needs SwiftNIO (Hummingbird): built with `--traits LiveFeed` only.
// The types after it (`StaleGap`, `WebSocketFeedError`, `formatSeconds`) are always built.
#if LiveFeed
import HummingbirdWSClient
import Logging
import NIOCore

/// A live feed of JSON ticks over WebSocket (`ws://HOST:PORT/PATH`, or `wss://`), read
/// through the synchronous, pull-based `TickSource` API.
///
/// **Messages.** Each text (or UTF-8 binary) message is one tick, a JSON object:
/// `{"timestamp": 1764057600000, "price": 3000.5, "gas_gwei": 25, "iv": 0.6}`. The time may
/// be an epoch number in seconds, milliseconds, microseconds or nanoseconds (told apart by
/// magnitude) or an ISO 8601 string (`"2026-11-25T08:00:00Z"`); aliases `ts`, `time`, `t`
/// for the time and `p`, `close`, `c` for the price are accepted, prices may be numeric
/// strings, and `gas_gwei`/`iv` are optional (`null` = absent). Other fields are ignored.
/// A message that is not such an object, lacks a field, or has a NaN, infinite, zero or
/// negative price is counted in `issues` (`line` = the 1-based message number) and skipped;
/// so is a tick whose timestamp is not later than the previous one (a repeat after a
/// reconnect, for example).
///
/// **Connection.** The client runs on its own task; messages cross to `next()` through a
/// bounded queue (`WebSocketFeedOptions.bufferCapacity`; when full, the socket stops being
/// read, nothing is dropped). `next()` blocks until a tick arrives: call it from a thread
/// (the interpreter loop, `main`), not from inside an async task.
/// When the connection drops or a connect fails, the feed reconnects with exponential
/// backoff and jitter (`ReconnectPolicy`); the attempt count restarts once a connection
/// delivers a message, and after `maxAttempts` failures in a row the feed ends. A connection
/// that stays open but goes quiet is dropped and replaced after `reconnectAfterSilence` (off
/// by default) or when a WebSocket ping (`pingInterval`, 30 s) gets no answer.
///
/// **End.** `next()` returns nil when the server closes with the normal code 1000 and
/// `endOnClose` is set, when `maxTicks` ticks were delivered or `maxDuration` has passed,
/// when reconnects are exhausted, or after `close()`; `endReason` says which.
///
/// **Staleness.** When no tick has arrived for `staleAfter` (wall-clock, by arrival time,
/// default 60 s), the feed is stale: `staleFor`/`staleSince` say so while it lasts (readable
/// between `next()` calls), and the first tick after the silence carries `.afterGap`, sets
/// `lastStaleGap` (from the previous tick's timestamp to its own and the message number, as
/// `CSVFeed` sets `lastGap`, plus the wall-clock silence) and records a `.gap` issue.
public final class WebSocketFeed: TickSource {
    /// Why the feed ended.
    public enum EndReason: Equatable, Sendable, CustomStringConvertible {
        /// The server closed the connection with the normal close code (1000).
        case serverClosed(reason: String?)
        /// `maxTicks` ticks were delivered.
        case maxTicks(Int)
        /// `maxDuration` has passed since the feed was opened.
        case maxDuration(Duration)
        /// `maxAttempts` reconnects in a row failed; `lastError` is the last failure.
        case reconnectsExhausted(attempts: Int, lastError: String)
        /// `close()` was called.
        case closed

        public var description: String {
            switch self {
            case .serverClosed(let reason): "the server closed the feed\(reason.map { $0.isEmpty ? "" : " (\($0))" } ?? "")"
            case .maxTicks(let n): "\(n) tick\(n == 1 ? "" : "s") delivered (the limit)"
            case .maxDuration(let d): "\(formatSeconds(d)) elapsed (the limit)"
            case .reconnectsExhausted(let n, let error):
                n == 0 ? "the connection failed and reconnecting is off: \(error)"
                    : "gave up after \(n) reconnect attempt\(n == 1 ? "" : "s"): \(error)"
            case .closed: "closed"
            }
        }
    }

    /// The `ws://` or `wss://` URL.
    public let url: String
    public let options: WebSocketFeedOptions
    public private(set) var issues: FeedIssueLog
    /// The most recent stale stretch: set when a tick arrives after `staleAfter` without one.
    /// It carries what `FeedGap` does (tick timestamps around the hole, message number) plus
    /// the wall-clock silence.
    public private(set) var lastStaleGap: StaleGap?
    /// `TickSource.lastGap`: the most recent stale spell, in tick time.
    public var lastGap: FeedGap? { lastStaleGap.map { FeedGap(from: $0.from, to: $0.to, line: $0.line) } }
    /// Why the feed ended, once `next()` has returned nil (or `close()` was called).
    public private(set) var endReason: EndReason?
    /// Ticks handed out by `next()`.
    public private(set) var ticksDelivered = 0
    /// Messages taken from the connection so far (good or not); the numbering of `issues`.
    public private(set) var messagesReceived = 0
    /// Times the feed went stale and a tick then arrived (ticks flagged `.afterGap`).
    public private(set) var staleEvents = 0

    /// Internal, not private: tests wait on its queue (`pendingCount`) instead of sleeping.
    let bridge: FeedBridge
    private let task: Task<Void, Never>
    private let openedAt: ContinuousClock.Instant
    private var lastTimestamp: Int64 = .min
    private var lastTickMessage = 0
    private var lastTickArrival: ContinuousClock.Instant

    /// Opens the feed: starts connecting at once (ticks that arrive before the first `next()`
    /// are kept, up to `bufferCapacity`). Throws only for a URL that is not `ws://`/`wss://`.
    /// Throws `FeedSpecError` for a malformed URL, `WebSocketFeedError` for another kind of feed.
    public init(url: String, options: WebSocketFeedOptions = WebSocketFeedOptions()) throws {
        guard case .webSocket = try FeedSpec.parse(url) else {
            throw WebSocketFeedError(spec: url, message: "not a WebSocket URL: expected ws://HOST:PORT/PATH or wss://...")
        }
        self.url = url
        self.options = options
        self.issues = FeedIssueLog(maxDetails: options.maxIssueDetails)
        let bridge = FeedBridge(capacity: options.bufferCapacity)
        self.bridge = bridge
        self.openedAt = .now
        self.lastTickArrival = openedAt
        self.task = Self.start(url: url, options: options, bridge: bridge)
    }

    /// Opens a `ws://`/`wss://` feed spec (`FeedSpec.parse("ws://127.0.0.1:9000/ticks")`).
    public convenience init(spec: FeedSpec, options: WebSocketFeedOptions = WebSocketFeedOptions()) throws {
        guard case .webSocket(let url, _, _, _, _) = spec else {
            throw WebSocketFeedError(spec: "\(spec)", message: "not a WebSocket feed")
        }
        try self.init(url: url, options: options)
    }

    deinit {
        bridge.close()
        task.cancel()
    }

    /// The next accepted tick, blocking until one arrives; nil once the feed has ended.
    /// Never throws: connection failures are retried, then end the feed (see `endReason`).
    public func next() throws -> Tick? {
        guard endReason == nil else { return nil }
        if let maxTicks = options.maxTicks, ticksDelivered >= maxTicks {
            finish(.maxTicks(maxTicks))
            return nil
        }
        let deadline = options.maxDuration.map { openedAt + $0 }
        while true {
            switch bridge.pop(deadline: deadline) {
            case .timedOut:
                finish(.maxDuration(options.maxDuration ?? .zero))
                return nil
            case .ended(let reason):
                finish(reason)
                return nil
            case .message(let message):
                messagesReceived += 1
                if let tick = accept(message, number: messagesReceived) { return tick }
            }
        }
    }

    private func accept(_ message: FeedBridge.Pending, number: Int) -> Tick? {
        switch TickMessage.parse(message.text) {
        case .rejected(let kind, let why):
            issues.record(FeedIssue(line: number, column: nil, kind: kind, message: why))
            return nil
        case .tick(var tick):
            if tick.timestamp <= lastTimestamp {
                let repeated = tick.timestamp == lastTimestamp
                issues.record(FeedIssue(
                    line: number, column: nil, kind: repeated ? .duplicateTimestamp : .timestampBackwards,
                    message: repeated
                        ? "\(TimestampFormatter.iso8601(tick.timestamp)) repeats the timestamp of message \(lastTickMessage); skipped"
                        : "\(TimestampFormatter.iso8601(tick.timestamp)) is earlier than \(TimestampFormatter.iso8601(lastTimestamp)) in message \(lastTickMessage); skipped"))
                return nil
            }
            let silence = lastTickArrival.duration(to: message.arrival)
            if lastTimestamp != .min && silence >= options.staleAfter {
                tick.flags.insert(.afterGap)
                lastStaleGap = StaleGap(from: lastTimestamp, to: tick.timestamp, line: number, silence: silence)
                staleEvents += 1
                issues.record(FeedIssue(
                    line: number, column: nil, kind: .gap,
                    message: "no tick for \(formatSeconds(silence)) since message \(lastTickMessage) (stale after \(formatSeconds(options.staleAfter))); \(TimestampFormatter.iso8601(lastTimestamp)) to \(TimestampFormatter.iso8601(tick.timestamp)); tick kept"))
            }
            lastTimestamp = tick.timestamp
            lastTickMessage = number
            lastTickArrival = message.arrival
            ticksDelivered += 1
            return tick
        }
    }

    /// How long no tick has arrived, when that is at least `staleAfter` (nil otherwise, and
    /// while received messages wait in the queue, since `next()` has not judged them yet).
    /// Before the first tick it counts from when the feed was opened.
    public var staleFor: Duration? {
        guard endReason == nil, bridge.pendingCount == 0 else { return nil }
        let silence = lastTickArrival.duration(to: .now)
        return silence >= options.staleAfter ? silence : nil
    }

    /// When the last tick arrived, while the feed is stale (see `staleFor`).
    public var staleSince: ContinuousClock.Instant? { staleFor == nil ? nil : lastTickArrival }

    /// WebSocket connections made so far (1 + successful reconnects).
    public var connections: Int { bridge.connections }

    public var notes: [String] {
        let (log, omitted) = bridge.connectionLog
        var notes = ["live WebSocket feed \(url): \(connections) connection\(connections == 1 ? "" : "s"), \(messagesReceived) message\(messagesReceived == 1 ? "" : "s"), \(ticksDelivered) tick\(ticksDelivered == 1 ? "" : "s"); stale after \(formatSeconds(options.staleAfter))"]
        notes += log
        if omitted > 0 { notes.append("(\(omitted) more connection events)") }
        if let endReason { notes.append("ended: \(endReason)") }
        return notes
    }

    /// Stops the feed: closes the connection, ends the task and waits (up to `timeout`) for
    /// it to finish. `next()` returns nil afterwards. Safe to call more than once. True when
    /// the connection task has finished.
    @discardableResult
    public func close(timeout: Duration = .seconds(5)) -> Bool {
        finish(.closed)
        return bridge.waitForProducer(until: .now + timeout)
    }

    /// Ends the feed when called, from any thread (Ctrl-C's handler, say): a `next()` waiting
    /// for a tick returns nil at once, and the connection task stops. Unlike `close()` it
    /// does not wait, and touches only the thread-safe queue (so it can be handed to another
    /// thread while the feed itself stays on the run's); `endReason` becomes `.closed`.
    public var interrupt: @Sendable () -> Void {
        { [bridge] in bridge.close() }
    }

    /// Whether the connection task has finished (after the end of the feed or `close()`).
    public var isConnectionFinished: Bool { bridge.producerDone }

    private func finish(_ reason: EndReason) {
        if endReason == nil { endReason = reason }
        bridge.close()
        task.cancel()
    }

    // MARK: The connection task

    private static func start(url: String, options: WebSocketFeedOptions, bridge: FeedBridge) -> Task<Void, Never> {
        Task.detached {
            await run(url: url, options: options, bridge: bridge)
        }
    }

    /// How one connection ended.
    private enum ConnectionOutcome: Sendable {
        case closed(WebSocketCloseFrame?)
        case failed(String)
        case silent(Duration)
    }

    /// Connects, feeds the bridge, reconnects per the policy; returns when the feed ends.
    private static func run(url: String, options: WebSocketFeedOptions, bridge: FeedBridge) async {
        var failures = 0
        var reason = EndReason.closed
        while !Task.isCancelled && !bridge.isClosed {
            bridge.connecting()
            let outcome = await connectOnce(url: url, options: options, bridge: bridge)
            let received = bridge.connectionEnded()
            if Task.isCancelled || bridge.isClosed { break }
            if case .closed(let frame?) = outcome, frame.closeCode == .normalClosure, options.endOnClose {
                reason = .serverClosed(reason: frame.reason)
                break
            }
            if received > 0 { failures = 0 }
            failures += 1
            let why = switch outcome {
            case .closed(let frame?): "closed by the server (code \(frame.closeCode))"
            case .closed(nil): "connection dropped"
            case .failed(let error): received > 0 ? "connection lost: \(error)" : "cannot connect to \(endpoint(of: url)): \(error)"
            case .silent(let d): "no message for \(formatSeconds(d)); connection dropped"
            }
            if failures > options.reconnect.maxAttempts {
                reason = .reconnectsExhausted(attempts: failures - 1, lastError: why)
                break
            }
            let delay = options.reconnect.delay(attempt: failures)
            bridge.log("\(why); reconnect \(failures) of \(options.reconnect.maxAttempts) in \(formatSeconds(delay))")
            options.onRetry?("\(why); retrying in \(formatSeconds(delay)) (attempt \(failures) of \(options.reconnect.maxAttempts))")
            do { try await Task.sleep(for: delay) } catch { break }
        }
        bridge.producerFinished(reason)
    }

    /// One connection, from connect to close, raced against the silence watchdog when
    /// `reconnectAfterSilence` is set (the watchdog winning cancels the connection).
    private static func connectOnce(url: String, options: WebSocketFeedOptions, bridge: FeedBridge) async -> ConnectionOutcome {
        guard let limit = options.reconnectAfterSilence else {
            return await connection(url: url, options: options, bridge: bridge)
        }
        return await withTaskGroup(of: ConnectionOutcome?.self) { group in
            group.addTask { await connection(url: url, options: options, bridge: bridge) }
            group.addTask {
                while !Task.isCancelled {
                    let silence = bridge.silence() ?? .zero
                    if silence >= limit { return .silent(silence) }
                    do { try await Task.sleep(for: limit - silence) } catch { return nil }
                }
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failed("cancelled")
        }
    }

    private static func connection(url: String, options: WebSocketFeedOptions, bridge: FeedBridge) async -> ConnectionOutcome {
        let configuration = WebSocketClientConfiguration(
            maxFrameSize: options.maxMessageSize,
            closeTimeout: options.closeTimeout,
            autoPing: options.pingInterval.map { .enabled(timePeriod: $0) } ?? .disabled)
        let maxMessageSize = options.maxMessageSize
        let logger = Logger(label: "hedgeplan.livefeed", factory: { _ in SwiftLogNoOpLogHandler() })
        let client = WebSocketClient(url: url, configuration: configuration, logger: logger) { inbound, _, _ in
            bridge.connectionOpened()
            for try await message in inbound.messages(maxSize: maxMessageSize) {
                let text = switch message {
                case .text(let string): string
                case .binary(let buffer): String(buffer: buffer)
                }
                guard await bridge.push(text) else { return }
            }
        }
        do { return .closed(try await client.run()) } catch { return .failed(ConnectionFailureReason.describe(error)) }
    }
}

#endif

/// A hole in a live feed found by staleness: like `FeedGap`, plus how long nothing arrived.
public struct StaleGap: Equatable, Sendable {
    /// Timestamp (ms since epoch) of the tick before the silence.
    public var from: Int64
    /// Timestamp (ms since epoch) of the tick after it (it carries `.afterGap`).
    public var to: Int64
    /// 1-based message number of the tick after the silence.
    public var line: Int
    /// Wall-clock time between the two ticks' arrivals (at least `staleAfter`).
    public var silence: Duration
    /// `to - from`, in milliseconds (feed time, as `FeedGap.duration`).
    public var duration: Int64 { to - from }

    public init(from: Int64, to: Int64, line: Int, silence: Duration) {
        self.from = from
        self.to = to
        self.line = line
        self.silence = silence
    }
}

/// A feed that cannot be opened as a WebSocket feed.
public struct WebSocketFeedError: Error, Equatable, Sendable, CustomStringConvertible {
    public var spec: String
    public var message: String
    public init(spec: String, message: String) {
        self.spec = spec
        self.message = message
    }
    public var description: String { "bad feed `\(spec)`: \(message)" }
}

/// `0.62 s`, `60 s`, `1.5 s`: seconds with up to 2 decimals.
func formatSeconds(_ d: Duration) -> String {
    let centis = (d.seconds * 100).rounded()
    let whole = Int(centis) / 100, fraction = Int(centis) % 100
    if fraction == 0 { return "\(whole) s" }
    return fraction % 10 == 0 ? "\(whole).\(fraction / 10) s" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction) s"
}

/// `HOST:PORT` of a `ws://`/`wss://` URL, the port defaulted (80, 443), for messages.
func endpoint(of url: String) -> String {
    guard case .webSocket(_, let host, let port, _, let secure)? = try? FeedSpec.parse(url) else { return url }
    return "\(host):\(port ?? (secure ? 443 : 80))"
}

#if LiveFeed
extension FeedSpec {
    /// Opens any feed, live ones included: a `ws://`/`wss://` spec gives a `WebSocketFeed`
    /// with `liveOptions`, every other kind what `makeSource(options:)` gives.
    public func makeSourceIncludingLive(options: CSVFeedOptions = CSVFeedOptions(),
                                        liveOptions: WebSocketFeedOptions = WebSocketFeedOptions()) throws -> any TickSource {
        if case .webSocket = self { return try WebSocketFeed(spec: self, options: liveOptions) }
        return try makeSource(options: options)
    }
}
#endif
