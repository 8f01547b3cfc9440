import Feeds
import HedgeplanRuntime

/// Passes every callback to several observers in order (the journal, then a progress bar).
/// The interpreter holds its observer weakly; this holds its observers strongly, so keeping
/// the fan-out alive for the run keeps them all alive.
public final class RunObserverFanOut: RunObserver {
    public let observers: [any RunObserver]

    public init(_ observers: [any RunObserver]) {
        self.observers = observers
    }

    public func tickProcessed(index: Int, tick: Tick, equity: Double) {
        for observer in observers { observer.tickProcessed(index: index, tick: tick, equity: equity) }
    }

    public func rebalanced(_ record: RebalanceRecord) {
        for observer in observers { observer.rebalanced(record) }
    }

    public func breakerTripped(_ event: BreakerEvent) {
        for observer in observers { observer.breakerTripped(event) }
    }

    public var observesRebalances: Bool { observers.contains { $0.observesRebalances } }
}
