import Dispatch
import Feeds
import Foundation
import Synchronization

/// Ctrl-C (SIGINT) during `dry-run`: the run ends at the next pull of ticks (`BufferedTicks`:
/// within 256 ticks of a computed feed, at the next tick of a live one) as if the feed had ended,
/// so the summary so far is printed (and the report written, the journal committed), then
/// the process exits with 130 (128 + SIGINT), as a shell expects of an interrupted command.
///
/// The signal is taken with a Dispatch signal source (the default action is turned off
/// while it is installed), so the handler runs on a queue, not in signal context: it sets
/// a flag and calls `wake`, which ends a live feed's wait for its next tick. A second Ctrl-C
/// while the run winds down kills the process the usual way.
///
/// `@unchecked Sendable`: the flag is atomic, the wake action behind a mutex, and the
/// signal source is only touched by `init` and `uninstall()`, both on the command's thread.
final class Interruption: @unchecked Sendable {
    private let requested = Atomic<Bool>(false)
    private let wakeAction = Mutex<(@Sendable () -> Void)?>(nil)
    private let source: any DispatchSourceSignal

    /// Starts listening for SIGINT. Install it before the feed is opened: a live feed starts
    /// connecting (and may report a refused connection) as soon as it is.
    init() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        self.source = source
        // The handler holds this object until `uninstall()` cancels the source.
        source.setEventHandler { [self] in
            guard !requested.exchange(true, ordering: .acquiringAndReleasing) else { return }
            wakeAction.withLock { $0 }?()
            // The next Ctrl-C is not caught: it kills a run that does not wind down.
            signal(SIGINT, SIG_DFL)
        }
        source.resume()
    }

    /// What ends a wait for the next tick when Ctrl-C comes (a live feed's); called at once
    /// if it already came.
    func onInterrupt(_ action: @escaping @Sendable () -> Void) {
        wakeAction.withLock { $0 = action }
        if isRequested { action() }
    }

    /// Whether Ctrl-C came.
    var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// Stops listening and restores the default action.
    func uninstall() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }

    /// `base`, ending (returning nil) at the first `next()` after Ctrl-C, with a note saying so.
    func source<Base: TickSource>(_ base: Base) -> InterruptibleSource<Base> {
        InterruptibleSource(base: base, interruption: self)
    }
}

/// A tick source that ends when the run is interrupted.
struct InterruptibleSource<Base: TickSource>: TickSource {
    var base: Base
    /// Not retained: `dry-run` keeps the interruption until the run is over, and a strong
    /// reference read on every tick costs retain/release traffic (a few percent of a fast run).
    unowned(unsafe) let interruption: Interruption
    private(set) var delivered = 0
    private var interrupted = false

    init(base: Base, interruption: Interruption) {
        self.base = base
        self.interruption = interruption
    }

    mutating func next() throws -> Tick? {
        guard !interruption.isRequested else {
            interrupted = true
            return nil
        }
        guard let tick = try base.next() else {
            // A live feed woken by Ctrl-C ends too: say why.
            interrupted = interruption.isRequested
            return nil
        }
        delivered += 1
        return tick
    }

    /// A block of the base's ticks; Ctrl-C is seen between blocks (a block of a computed
    /// feed takes well under a millisecond; a live feed's is one tick).
    mutating func next(into ticks: inout [Tick], limit: Int) throws {
        guard !interruption.isRequested else {
            interrupted = true
            return
        }
        let before = ticks.count
        try base.next(into: &ticks, limit: limit)
        if ticks.count == before {
            // A live feed woken by Ctrl-C ends too: say why.
            interrupted = interruption.isRequested
        }
        delivered += ticks.count - before
    }

    var issues: FeedIssueLog { base.issues }
    var lastGap: FeedGap? { base.lastGap }
    var notes: [String] {
        base.notes + (interrupted ? ["interrupted (Ctrl-C) after \(delivered) tick\(delivered == 1 ? "" : "s"): the figures are the run so far"] : [])
    }
}
