// Needs the WebSocket transport and a Hummingbird server: `swift test --traits LiveFeed`.
#if LiveFeed
import Feeds
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
@testable import LiveFeed

/// A Hummingbird WebSocket server on 127.0.0.1, an OS-chosen port, for one test. Each
/// connection runs `script` with its 0-based index; when the script returns the server closes
/// with the normal code. A script drops a connection abruptly with `connection.drop()`.
struct TestServer: Sendable {
    struct Connection: Sendable {
        let index: Int
        let outbound: WebSocketOutboundWriter
        let channel: any Channel

        func send(_ text: String) async throws { try await outbound.write(.text(text)) }
        func sendBinary(_ text: String) async throws { try await outbound.write(.binary(ByteBuffer(string: text))) }
        /// Closes the TCP connection without a close frame (a network failure, as the client sees it).
        func drop() async throws { try await channel.close() }
    }

    typealias Script = @Sendable (Connection) async throws -> Void

    let port: Int
    let url: String
    private let task: Task<Void, any Error>
    private let counter: ConnectionCounter

    /// Starts the server and waits until it listens (at most 60 s: a guard against a hang).
    static func start(path: String = "/ticks", script: @escaping Script) async throws -> TestServer {
        let counter = ConnectionCounter()
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let logger = Logger(label: "live-feed-test-server", factory: { _ in SwiftLogNoOpLogHandler() })
        let app = Application(
            router: Router(),
            server: .http1WebSocketUpgrade { _, channel, _ in
                .upgrade([:]) { _, outbound, _ in
                    let index = await counter.next()
                    // swift-websocket 1.6.2's client can lose frames that reach it in the same
                    // read as the 101 response (seen here about once in ten parallel runs: the
                    // connection then receives nothing at all). Real feeds rarely send within
                    // microseconds of the upgrade; the feed's `reconnectAfterSilence` and
                    // pings recover if one does. The test servers wait a moment first (a margin
                    // for a busy machine, where the client may read late: not a guarantee).
                    try await Task.sleep(for: .milliseconds(200))
                    try await script(Connection(index: index, outbound: outbound, channel: channel))
                }
            },
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger
        )
        let task = Task { try await app.run() }
        let port = await withTaskGroup(of: Int?.self) { group in
            group.addTask { await ports.first { _ in true } }
            group.addTask { try? await Task.sleep(for: .seconds(60)); return nil }
            let first = await group.next() ?? nil
            group.cancelAll()
            portContinuation.finish()
            return first
        }
        guard let port, port > 0 else {
            task.cancel()
            throw TestServerError.didNotStart
        }
        return TestServer(port: port, url: "ws://127.0.0.1:\(port)\(path)", task: task, counter: counter)
    }

    /// Connections accepted so far.
    var connections: Int { get async { await counter.count } }

    /// Stops the server and waits (at most 10 s) until it has shut down.
    func stop() async {
        task.cancel()
        let task = self.task
        await withTaskGroup(of: Void.self) { group in
            group.addTask { _ = await task.result }
            group.addTask { try? await Task.sleep(for: .seconds(10)) }
            await group.next()
            group.cancelAll()
        }
    }
}

enum TestServerError: Error { case didNotStart }

actor ConnectionCounter {
    private(set) var count = 0
    func next() -> Int {
        defer { count += 1 }
        return count
    }
}

/// Runs blocking code (the synchronous `next()` loop) on a thread of its own, off the
/// concurrency pool, and awaits its result.
func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.start()
    }
}

/// One tick as the test servers send it.
func tickJSON(_ timestamp: Int64, _ price: Double, gas: Double? = nil, iv: Double? = nil) -> String {
    var s = "{\"timestamp\": \(timestamp), \"price\": \(price)"
    if let gas { s += ", \"gas_gwei\": \(gas)" }
    if let iv { s += ", \"iv\": \(iv)" }
    return s + "}"
}

/// What a consumer thread saw, Sendable so it can cross back to the test.
struct FeedRun: Sendable {
    var ticks: [Tick] = []
    var issues = FeedIssueLog()
    var endReason: WebSocketFeed.EndReason?
    var connections = 0
    var staleGap: StaleGap?
    var staleEvents = 0
    var connectionFinished = false
    var notes: [String] = []
    var observations: [String: Bool] = [:]

    /// Reads `feed` to its end (or `limit` ticks), closes it, and records what it saw.
    static func drain(_ feed: WebSocketFeed, limit: Int = .max, observe: (inout FeedRun, WebSocketFeed, Tick) -> Void = { _, _, _ in }) -> FeedRun {
        var run = FeedRun()
        while run.ticks.count < limit, let tick = try? feed.next() {
            run.ticks.append(tick)
            observe(&run, feed, tick)
        }
        run.connectionFinished = feed.close(timeout: hangGuard)
        run.issues = feed.issues
        run.endReason = feed.endReason
        run.connections = feed.connections
        run.staleGap = feed.lastStaleGap
        run.staleEvents = feed.staleEvents
        run.notes = feed.notes
        return run
    }
}

/// How long a test waits for an event (a connection task finishing, a feed going stale)
/// before it fails: only a guard against a hang, so generous for a machine whose cores are busy.
let hangGuard: Duration = .seconds(120)

/// Options for tests: quick reconnects, and a time limit so every feed ends by itself (the
/// limit is a guard against a hang, not something a test waits for).
func testOptions(staleAfter: Duration = .seconds(60), maxDuration: Duration = hangGuard,
                 reconnect: ReconnectPolicy = ReconnectPolicy(maxAttempts: 3, initialDelay: .milliseconds(20), maxDelay: .milliseconds(200)),
                 maxTicks: Int? = nil, bufferCapacity: Int = 64, endOnClose: Bool = true,
                 reconnectAfterSilence: Duration? = nil) -> WebSocketFeedOptions {
    WebSocketFeedOptions(staleAfter: staleAfter, endOnClose: endOnClose, maxTicks: maxTicks, maxDuration: maxDuration,
                         reconnect: reconnect, bufferCapacity: bufferCapacity, pingInterval: nil,
                         reconnectAfterSilence: reconnectAfterSilence, closeTimeout: .seconds(1))
}

/// A one-shot signal from one side of a test to the other (the consumer thread or a server
/// connection opens it; a server script awaits it), so a script waits for an event, not a duration.
struct TestGate: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        self.stream = stream
        self.continuation = continuation
    }

    /// Opens the gate; callable from any thread, any number of times.
    func open() { continuation.finish() }

    /// Returns once the gate is open (or the task is cancelled).
    func wait() async { for await _ in stream {} }
}

/// Polls `condition` (every 5 ms) until it holds, for at most `hangGuard`; true if it held.
/// For the consumer thread, which blocks and cannot await.
func waitOnThread(until condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + hangGuard
    while !condition() {
        if ContinuousClock.now >= deadline { return false }
        Thread.sleep(forTimeInterval: 0.005)
    }
    return true
}

/// An instant one task records and another thread reads.
final class SharedInstant: @unchecked Sendable {
    private let lock = NSLock()
    private var instant: ContinuousClock.Instant?
    func record() { lock.withLock { instant = .now } }
    var value: ContinuousClock.Instant? { lock.withLock { instant } }
}
#endif
