import Synchronization
import Testing
@testable import Feeds

/// `ReadAheadTicks` hands on exactly its source's ticks, in order, whatever the block size
/// and depth; an error comes after the ticks before it; the source's issues and notes are
/// its own once the feed has ended; and the drawing thread stops when the reader goes away.
struct ReadAheadTicksTests {
    static let path = BufferedTicksTests.path

    /// Small blocks and a depth of one make the two threads hand over hundreds of times.
    @Test(arguments: [(1, 1), (7, 1), (64, 2), (4_096, 2)])
    func aSimulatedPathComesThroughWhole(blockSize: Int, depth: Int) throws {
        var direct = GBMPath(Self.path)
        let expected = try drain(&direct)
        #expect(expected.count == 1_441)
        var ahead = try #require(ReadAheadTicks(GBMPath(Self.path), blockSize: blockSize, depth: depth))
        #expect(try drain(&ahead) == expected)
        // Ended for good: asking again gives nothing more.
        #expect(try ahead.next() == nil)
        #expect(try ahead.next() == nil)
        #expect(ahead.notes == direct.notes)
    }

    /// Pulled in blocks (`BufferedTicks` over it, as `dry-run` reads it), one tick at a time,
    /// and in blocks that straddle the read-ahead's own.
    @Test func blockPullsAndSingleTicksMixInOrder() throws {
        var direct = GBMPath(Self.path)
        let expected = try drain(&direct)
        var buffered = BufferedTicks(try #require(ReadAheadTicks(GBMPath(Self.path), blockSize: 100, depth: 2)), blockSize: 37)
        #expect(try drain(&buffered) == expected)

        var ahead = try #require(ReadAheadTicks(GBMPath(Self.path), blockSize: 100, depth: 2))
        var got: [Tick] = []
        var pull = 0
        while true {
            let before = got.count
            if pull % 3 == 0 {
                if let tick = try ahead.next() { got.append(tick) }
            } else {
                try ahead.next(into: &got, limit: 1 + pull % 150)
            }
            pull += 1
            if got.count == before { break }
        }
        #expect(got == expected)
    }

    /// A note a source adds when it ends (a tick limit reached) is among the notes read after
    /// the run.
    @Test func aNoteAddedAtTheEndIsKept() throws {
        var direct = LimitedTickSource(GBMPath(Self.path), maxTicks: 1_000)
        let expected = try drain(&direct)
        var ahead = try #require(ReadAheadTicks(LimitedTickSource(GBMPath(Self.path), maxTicks: 1_000), blockSize: 64))
        #expect(try drain(&ahead) == expected)
        #expect(ahead.notes == direct.notes)
        #expect(ahead.notes.count == 2)
    }

    @Test func anErrorComesAfterTheTicksBeforeIt() throws {
        let failing = BufferedTicksTests.FailingBlock(inner: .init(ticks: BufferedTicksTests.fiveTicks, failAt: 3))
        var ahead = try #require(ReadAheadTicks(failing, blockSize: 2, depth: 1))
        for expected in BufferedTicksTests.fiveTicks.prefix(3) { #expect(try ahead.next() == expected) }
        #expect(throws: FeedError.readFailed(path: "test.csv", reason: "row 4 is broken")) { try ahead.next() }
    }

    @Test func anErrorBeforeAnyTickIsThrownAtOnce() throws {
        let failing = BufferedTicksTests.FailingBlock(inner: .init(ticks: BufferedTicksTests.fiveTicks, failAt: 0))
        var ahead = try #require(ReadAheadTicks(failing))
        #expect(throws: FeedError.self) { try ahead.next() }
    }

    /// A CSV file with rejected rows and a gap: the issues and notes read after the run are
    /// the file's, counted to the end, as read without the thread.
    @Test func aFilesIssuesAndNotesAreThoseOfTheWholeFile() throws {
        var rows = ["timestamp,price"]
        for i in 0..<5_000 where !(2_500..<2_510).contains(i) {
            rows.append("\(1_700_000_000_000 + Int64(i) * 60_000),\(i % 997 == 0 ? "oops" : "\(3000 + i % 50)")")
        }
        let text = rows.joined(separator: "\n") + "\n"
        var direct = try CSVFeed(text: text, name: "test.csv")
        let expected = try drain(&direct)
        var ahead = try #require(ReadAheadTicks(try CSVFeed(text: text, name: "test.csv"), blockSize: 256, depth: 2))
        #expect(try drain(&ahead) == expected)
        #expect(ahead.issues == direct.issues)
        #expect(ahead.issues.total >= 5)
        #expect(ahead.notes == direct.notes)
        #expect(ahead.lastGap == direct.lastGap)
        #expect(ahead.lastGap != nil)
    }

    /// An endless source, read for a few ticks and dropped: the drawing thread stops (the
    /// test would hang in `deinit`'s join otherwise) after drawing at most the blocks the
    /// read-ahead holds, not the feed.
    @Test func droppingTheReaderStopsTheThread() throws {
        let drawn = Counter()
        do {
            var ahead = try #require(ReadAheadTicks(Endless(drawn: drawn), blockSize: 50, depth: 2))
            for _ in 0..<10 { _ = try ahead.next() }
        }
        // Joined: the thread has stopped, and drew one block being read, two ready, one in hand.
        #expect(drawn.value <= 4 * 50)
        #expect(drawn.value >= 10)
    }

    final class Counter: Sendable {
        private let count = Mutex(0)
        var value: Int { count.withLock { $0 } }
        func add() { count.withLock { $0 += 1 } }
    }

    struct Endless: TickSource {
        let drawn: Counter
        var index: Int64 = 0
        mutating func next() -> Tick? {
            index += 1
            drawn.add()
            return Tick(timestamp: index * 1_000, price: 3000)
        }
    }
}
