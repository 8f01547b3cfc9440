import HedgeplanRuntime

/// Walks a journal's events in order while a resumed run replays them, and says how a
/// replayed event differs from the journaled one. Reads the journal in chunks, so memory
/// stays flat whatever the number of journaled events.
struct ReplayVerifier {
    let journal: RunJournal
    /// The checkpoint the replay must reach: everything up to it is compared.
    let checkpoint: JournalProgress
    private var rebalances: [(id: Int64, record: RebalanceRecord)] = []
    private var rebalanceCursor = 0
    private var lastRebalanceID: Int64 = 0
    private var breakers: [(id: Int64, event: JournaledBreakerEvent)] = []
    private var breakerCursor = 0
    private var lastBreakerID: Int64 = 0
    static let chunk = 2048

    init(journal: RunJournal, checkpoint: JournalProgress) {
        self.journal = journal
        self.checkpoint = checkpoint
    }

    /// The next journaled rebalance, or nil when there are no more.
    mutating func nextRebalance() throws -> RebalanceRecord? {
        if rebalanceCursor == rebalances.count {
            rebalances = try journal.rebalances(after: lastRebalanceID, limit: Self.chunk)
            rebalanceCursor = 0
            guard let last = rebalances.last else { return nil }
            lastRebalanceID = last.id
        }
        defer { rebalanceCursor += 1 }
        return rebalances[rebalanceCursor].record
    }

    /// The next journaled breaker event, or nil when there are no more.
    mutating func nextBreaker() throws -> JournaledBreakerEvent? {
        if breakerCursor == breakers.count {
            breakers = try journal.breakerEvents(after: lastBreakerID, limit: Self.chunk)
            breakerCursor = 0
            guard let last = breakers.last else { return nil }
            lastBreakerID = last.id
        }
        defer { breakerCursor += 1 }
        return breakers[breakerCursor].event
    }

    /// Exact equality, except that NaN equals NaN and −0 equals +0 (SQLite keeps neither
    /// apart: it stores NaN as NULL and an integral REAL as an integer).
    static func same(_ a: Double, _ b: Double) -> Bool {
        a == b || (a.isNaN && b.isNaN)
    }

    /// The first field where a replayed rebalance differs from the journaled one, or nil.
    static func difference(_ replayed: RebalanceRecord, _ journaled: RebalanceRecord) -> String? {
        func field(_ name: String, _ a: Double, _ b: Double) -> String? {
            same(a, b) ? nil : "rebalance \(name) is \(a), the journal has \(b)"
        }
        if replayed.tickIndex != journaled.tickIndex {
            return "a rebalance on tick \(replayed.tickIndex), the journal has the next one on tick \(journaled.tickIndex)"
        }
        if replayed.time != journaled.time { return "rebalance time is \(replayed.time), the journal has \(journaled.time)" }
        if replayed.reason != journaled.reason { return "rebalance reason is \(replayed.reason), the journal has \(journaled.reason)" }
        if let d = field("spot", replayed.spot, journaled.spot)
            ?? field("net delta before", replayed.netDeltaBefore, journaled.netDeltaBefore)
            ?? field("net delta after", replayed.netDeltaAfter, journaled.netDeltaAfter)
            ?? field("requested size", replayed.requested, journaled.requested)
        {
            return d
        }
        guard replayed.fills.count == journaled.fills.count else {
            return "\(replayed.fills.count) fills, the journal has \(journaled.fills.count)"
        }
        for (i, (a, b)) in zip(replayed.fills, journaled.fills).enumerated() {
            if a.venue != b.venue { return "fill \(i + 1) is on \(a.venue), the journal has \(b.venue)" }
            if let d = field("fill \(i + 1) base", a.base, b.base)
                ?? field("fill \(i + 1) average price", a.averagePrice, b.averagePrice)
                ?? field("fill \(i + 1) fee", a.fee, b.fee)
                ?? field("fill \(i + 1) slippage", a.slippage, b.slippage)
                ?? field("fill \(i + 1) gas", a.gas, b.gas)
            {
                return d
            }
        }
        return nil
    }

    /// How a replayed breaker event differs from the journaled one, or nil.
    static func difference(_ replayed: JournaledBreakerEvent, _ journaled: JournaledBreakerEvent) -> String? {
        let (a, b) = (replayed.event, journaled.event)
        if replayed.tickIndex != journaled.tickIndex {
            return "breaker \(a.condition) tripped on tick \(replayed.tickIndex), the journal has the next trip on tick \(journaled.tickIndex)"
        }
        if a.time != b.time || a.condition != b.condition || a.action != b.action || !same(a.measured, b.measured) {
            return "breaker \(a.condition) -> \(a.action) (measured \(a.measured)), the journal has \(b.condition) -> \(b.action) (measured \(b.measured))"
        }
        return nil
    }
}
