import Testing
@testable import Venues

struct HedgeSlicerTests {
    @Test func equalSlicesOfAtMostMaxChild() throws {
        let five = try HedgeSlicer.slice(5, maxChild: 2)
        #expect(five.count == 3)
        #expect(five.allSatisfy { abs($0 - 5.0 / 3) < 1e-12 && $0 <= 2 })
        #expect(five.reduce(0, +) == 5)
        #expect(try HedgeSlicer.slice(4, maxChild: 2) == [2, 2])
        #expect(try HedgeSlicer.slice(1.5, maxChild: 2) == [1.5])
        let odd = try HedgeSlicer.slice(0.3, maxChild: 0.1)   // 0.3/0.1 is 2.9999999999999996 in Double
        #expect(odd.count == 3)
        #expect(odd.reduce(0, +) == 0.3)
        #expect(throws: VenueError.self) { try HedgeSlicer.slice(1, maxChild: 0) }
    }
}
