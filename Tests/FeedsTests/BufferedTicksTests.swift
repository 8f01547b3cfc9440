import Testing
@testable import Feeds

/// `BufferedTicks` hands on exactly its base's ticks, in order, whatever the block size and
/// however the base fills a block; an error comes after the ticks that preceded it.
struct BufferedTicksTests {
    static let path = PathParameters(spot: 3000, volatility: 0.6, days: 1, step: 60_000, seed: 11, drift: 0)

    @Test(arguments: [1, 7, 256, 5_000])
    func aSimulatedPathComesThroughWhole(blockSize: Int) throws {
        var direct = GBMPath(Self.path)
        let expected = try drain(&direct)
        #expect(expected.count == 1_441)
        var buffered = BufferedTicks(GBMPath(Self.path), blockSize: blockSize)
        #expect(try drain(&buffered) == expected)
        // Ended for good: asking again gives nothing more.
        #expect(try buffered.next() == nil)
        #expect(try buffered.next() == nil)
    }

    /// Every computed source fills a whole block per pull, even reached through the
    /// protocol (the witness is `ComputedTickSource`'s, not the one-tick default).
    @Test func computedSourcesFillWholeBlocks() throws {
        let jumps = JumpParameters(intensity: 20, meanLogJump: -0.05, jumpVolatility: 0.1)
        var recorded = GBMPath(Self.path)
        let sources: [any TickSource] = [
            GBMPath(Self.path), MertonPath(Self.path, jumps: jumps), RecordedTicks(try drain(&recorded)),
        ]
        for var source in sources {
            var block: [Tick] = []
            try source.next(into: &block, limit: 100)
            #expect(block.count == 100, "\(type(of: source))")
        }
        var oneAtATime: any TickSource = OneAtATime(ticks: Self.fiveTicks)
        var block: [Tick] = []
        try oneAtATime.next(into: &block, limit: 100)
        #expect(block.count == 1)
    }

    @Test func aMertonPathFillsBlocksToo() throws {
        let jumps = JumpParameters(intensity: 20, meanLogJump: -0.05, jumpVolatility: 0.1)
        var direct = MertonPath(Self.path, jumps: jumps)
        let expected = try drain(&direct)
        var buffered = BufferedTicks(MertonPath(Self.path, jumps: jumps), blockSize: 100)
        #expect(try drain(&buffered) == expected)
    }

    /// A source that gives one tick per pull (the protocol's default, as a live feed does).
    struct OneAtATime: TickSource {
        var ticks: [Tick]
        var failAt: Int?
        var pulls = 0
        mutating func next() throws -> Tick? {
            pulls += 1
            if let failAt, pulls == failAt + 1 { throw FeedError.readFailed(path: "test.csv", reason: "row \(failAt + 1) is broken") }
            return pulls <= ticks.count ? ticks[pulls - 1] : nil
        }
        var notes: [String] { ["one at a time"] }
    }

    static let fiveTicks = (0..<5).map { Tick(timestamp: Int64($0) * 60_000, price: 3000 + Double($0)) }

    @Test func aSourceThatGivesOneTickPerPullIsPulledOncePerTick() throws {
        var buffered = BufferedTicks(OneAtATime(ticks: Self.fiveTicks), blockSize: 64)
        #expect(try drain(&buffered) == Self.fiveTicks)
        #expect(buffered.notes == ["one at a time"])
    }

    /// A block-filling source that throws after part of a block: the part comes first.
    struct FailingBlock: TickSource {
        var inner: OneAtATime
        mutating func next() throws -> Tick? { try inner.next() }
        mutating func next(into ticks: inout [Tick], limit: Int) throws {
            for _ in 0..<limit {
                guard let tick = try inner.next() else { return }
                ticks.append(tick)
            }
        }
    }

    @Test func anErrorComesAfterTheTicksBeforeIt() throws {
        var buffered = BufferedTicks(FailingBlock(inner: OneAtATime(ticks: Self.fiveTicks, failAt: 3)), blockSize: 64)
        for expected in Self.fiveTicks.prefix(3) { #expect(try buffered.next() == expected) }
        #expect(throws: FeedError.self) { try buffered.next() }
    }

    @Test func anErrorAtTheStartOfABlockIsThrownAtOnce() throws {
        var buffered = BufferedTicks(FailingBlock(inner: OneAtATime(ticks: Self.fiveTicks, failAt: 0)), blockSize: 64)
        #expect(throws: FeedError.self) { try buffered.next() }
    }
}
