import Testing
@testable import Venues

struct VenuesModuleTests {
    @Test func moduleLoads() {
        #expect(String(describing: Venues.self) == "Venues")
    }
}
