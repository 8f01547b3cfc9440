import Crypto
import Foundation
import HedgeplanRuntime

/// The SHA-256 each journal row carries, over its fields in a fixed binary form, so that a
/// flipped bit or a hand edit is caught when the row is read instead of being trusted: a
/// finished journal's stored result is printed as it is, without a replay, so without a
/// checksum one flipped bit would change the total `--resume` prints.
///
/// Numbers enter as they read back from SQLite: NaN (stored as NULL) as the one quiet NaN,
/// and -0 as +0 (an integral REAL may come back as the integer 0).
struct RecordChecksum {
    private var hasher = SHA256()

    mutating func add(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { hasher.update(bufferPointer: $0) }
    }

    mutating func add(_ value: Int) { add(Int64(value)) }

    mutating func add(_ value: Double) {
        let canonical = value.isNaN ? Double.nan : (value == 0 ? 0 : value)
        add(Int64(bitPattern: canonical.bitPattern))
    }

    /// Length first, so that ("ab", "c") and ("a", "bc") differ.
    mutating func add(_ value: String) {
        let bytes = Array(value.utf8)
        add(bytes.count)
        hasher.update(data: bytes)
    }

    func finalize() -> Data { Data(hasher.finalize()) }

    static func of(_ record: RebalanceRecord) -> Data {
        var c = RecordChecksum()
        c.add(record.tickIndex)
        c.add(record.time)
        c.add(record.reason)
        for value in [record.spot, record.netDeltaBefore, record.netDeltaAfter, record.requested] { c.add(value) }
        c.add(record.fills.count)
        for fill in record.fills {
            c.add(fill.venue)
            for value in [fill.base, fill.averagePrice, fill.fee, fill.slippage, fill.gas] { c.add(value) }
        }
        return c.finalize()
    }

    static func of(_ breaker: JournaledBreakerEvent) -> Data {
        var c = RecordChecksum()
        c.add(breaker.tickIndex)
        c.add(breaker.event.time)
        c.add(breaker.event.condition)
        c.add(breaker.event.action)
        c.add(breaker.event.measured)
        return c.finalize()
    }

    static func of(_ progress: JournalProgress) -> Data {
        var c = RecordChecksum()
        c.add(progress.tickIndex)
        c.add(progress.time)
        c.add(progress.equity)
        return c.finalize()
    }

    /// The finished run: its identity and the output `--resume` prints.
    static func of(_ identity: RunIdentity, _ result: StoredResult) -> Data {
        var c = RecordChecksum()
        c.add(identity.planSHA256)
        c.add(identity.feed)
        c.add(identity.limits)
        c.add(result.json)
        c.add(result.text)
        return c.finalize()
    }
}
