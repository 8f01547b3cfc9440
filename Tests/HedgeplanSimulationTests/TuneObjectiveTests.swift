import Testing
@testable import HedgeplanSimulation

struct TuneObjectiveTests {
    static let figures = TuneFigures(cost: 10, std: 100, es99: 400, hedges: 20, mean: -5)

    @Test(arguments: [("cost + 2*std", 210.0), ("es99", 400), ("0.5*cost + es99 + hedges*0.1", 407), (" std ", 100)])
    func objectivesWeighTheFigures(text: String, value: Double) throws {
        #expect(try TuneObjective(parsing: text).value(Self.figures) == value)
    }

    @Test(arguments: ["cost + ", "2*", "vega", "cost + -1*std", "cost * std"])
    func malformedObjectivesAreRefused(text: String) {
        #expect(throws: TuneObjectiveError.self) { try TuneObjective(parsing: text) }
    }

    /// Pareto: not dominated in both cost and std; the recommendation minimises the objective.
    @Test func paretoAndRecommendation() throws {
        let policy = HedgePolicy([("trigger", .text("band"))])
        let f = { (cost: Double, std: Double) in TuneFigures(cost: cost, std: std, es99: 0, hedges: 0, mean: 0) }
        let evaluated = [(policy, f(1, 9)), (policy, f(2, 5)), (policy, f(3, 6)), (policy, f(9, 1)), (policy, f(2, 5))]
        let (plan, settings) = try StressDeterminismTests.condor(paths: 1)
        let result = TuneResult(header: StressHeader(plan: plan, settings: settings), objective: try TuneObjective(parsing: "cost + std"),
                                evaluated: evaluated, specSHA256: "x")
        #expect(result.candidates.map(\.pareto) == [true, true, false, true, true])
        #expect(result.recommended == 1)  // 7, the first of two equals
    }
}
