#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A pthread mutex with one condition variable, and the state it guards.
///
/// The consumers of a `WebSocketFeed` and of `ReadAheadTicks` are synchronous (the
/// interpreter loop), so they must be able to block until ticks arrive, with a deadline;
/// `Synchronization.Mutex` has no condition variable, hence this small wrapper.
///
/// `@unchecked Sendable` is justified by the lock: `state` is only read or written inside
/// `withLock` (which holds `mutex`), and a wait releases and retakes the same mutex
/// atomically, as `pthread_cond_wait` does. The pointers are allocated once in `init` and
/// freed in `deinit`, when no other reference (so no other thread) can use them.
package final class ConditionLock<State: Sendable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var state: State

    package init(_ initial: State) {
        state = initial
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        var mutexAttributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&mutexAttributes)
        pthread_mutexattr_settype(&mutexAttributes, Int32(PTHREAD_MUTEX_ERRORCHECK))
        precondition(pthread_mutex_init(mutex, &mutexAttributes) == 0, "pthread_mutex_init failed")
        pthread_mutexattr_destroy(&mutexAttributes)
        var conditionAttributes = pthread_condattr_t()
        pthread_condattr_init(&conditionAttributes)
        #if !canImport(Darwin)
        // Deadlines are measured on the monotonic clock, immune to wall-clock steps.
        pthread_condattr_setclock(&conditionAttributes, CLOCK_MONOTONIC)
        #endif
        precondition(pthread_cond_init(condition, &conditionAttributes) == 0, "pthread_cond_init failed")
        pthread_condattr_destroy(&conditionAttributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` with the lock held once `isReady(state)` holds, sleeping on the condition
    /// until then (woken by `signalAll`), or until `deadline` passes, whichever is first:
    /// `body` then sees a state that may not be ready, and says what that means.
    ///
    /// Why a predicate and not a wait inside `body`: `body`'s `inout` access to the state
    /// is exclusive for its whole length, so the optimiser may keep the state in registers
    /// across a wait and never see what the other thread changed (a reader stuck on an empty
    /// queue that had been filled). Here each test reads the state afresh, after the wait.
    package func withLock<R>(
        when isReady: (State) -> Bool, until deadline: ContinuousClock.Instant? = nil, _ body: (inout State) throws -> R
    ) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !isReady(state) {
            if let deadline, ContinuousClock.now >= deadline { break }
            wait(until: deadline)
        }
        return try body(&state)
    }

    /// Runs `body` with the lock held.
    package func withLock<R>(_ body: (inout State) throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }

    /// Wakes every thread waiting in `withLock(when:until:_:)` (call with or without the lock held).
    package func signalAll() {
        pthread_cond_broadcast(condition)
    }

    /// Releases the lock, sleeps until signalled (or spuriously woken) or until `deadline`,
    /// and retakes the lock. Only called with the lock held; callers re-test their predicate.
    private func wait(until deadline: ContinuousClock.Instant?) {
        guard let deadline else {
            pthread_cond_wait(condition, mutex)
            return
        }
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { return }
        let (seconds, attoseconds) = remaining.components
        #if canImport(Darwin)
        var relative = timespec(tv_sec: Int(min(seconds, 1 << 31)), tv_nsec: Int(attoseconds / 1_000_000_000))
        pthread_cond_timedwait_relative_np(condition, mutex, &relative)
        #else
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        var nanoseconds = Int(now.tv_nsec) + Int(attoseconds / 1_000_000_000)
        var wholeSeconds = Int(now.tv_sec) + Int(min(seconds, 1 << 31))
        if nanoseconds >= 1_000_000_000 { nanoseconds -= 1_000_000_000; wholeSeconds += 1 }
        var absolute = timespec(tv_sec: wholeSeconds, tv_nsec: nanoseconds)
        pthread_cond_timedwait(condition, mutex, &absolute)
        #endif
    }
}
