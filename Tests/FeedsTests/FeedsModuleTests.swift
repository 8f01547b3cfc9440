import Testing
@testable import Feeds

struct FeedsModuleTests {
    @Test func moduleLoads() {
        #expect(String(describing: Feeds.self) == "Feeds")
    }
}
