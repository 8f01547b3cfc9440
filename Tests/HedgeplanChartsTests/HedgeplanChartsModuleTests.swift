import Testing
@testable import HedgeplanCharts

struct HedgeplanChartsModuleTests {
    @Test func moduleLoads() {
        #expect(String(describing: HedgeplanCharts.self) == "HedgeplanCharts")
    }
}
