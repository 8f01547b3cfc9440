import Feeds
import Foundation
import PlanFormat
import HedgeplanCompiler
import HedgeplanDiagnostics
import HedgeplanRuntime
import HedgeplanIR

/// The properties every strategy text must have, however hostile: what the mutation test
/// (`swift test --filter Mutation`) and the libFuzzer target `FuzzStrategy` both check.
///
/// 1. Every error is located in the file, on a line and a column (I/O errors excepted).
/// 2. What validates compiles (given a history for fitted models), except a strategy with
///    no `market.spot` or `market.volatility`, which `compile` refuses with one message.
/// 3. The compiled plan round-trips through its canonical bytes.
/// 4. A short seeded dry run (`dryRunProblems`) ends with finite numbers whose components
///    add up, or refuses the plan.
public enum StrategyProperties {
    /// How far a strategy got, and which properties it broke (empty: none).
    public struct Verdict: Sendable {
        /// The compiled plan; nil when the strategy was rejected.
        public var plan: HedgingPlan?
        public var problems: [String]
    }

    /// Checks properties 1 to 3 of `text`, compiled as if it were the file at `path`.
    public static func check(text: String, path: String, now: Instant, history: PriceHistory?) -> Verdict {
        var problems: [String] = []
        let compiled = PlanCompiler.compile(text: text, path: path, now: now, history: history)
        for d in compiled.diagnostics where d.severity == .error {
            if d.location.file != path { problems.append("error located in \(d.location.file), not the input: \(d.message)") }
            if d.rule != .io, d.location.line < 1 || d.location.column < 1 {
                problems.append("error at \(d.location.line):\(d.location.column), not a place in the file: [\(d.rule)] \(d.message)")
            }
        }
        guard !compiled.checked.hasErrors else { return Verdict(plan: nil, problems: problems) }
        guard let plan = compiled.plan else {
            let market = compiled.checked.strategy?.market
            let unpriced = market?.spot == nil || market?.volatility == nil
            let errors = compiled.diagnostics.filter { $0.severity == .error }
            let expected = unpriced && errors.count == 1 && errors[0].message.hasPrefix("compiling needs `market.spot` and `market.volatility`")
            if !expected {
                problems.append("validates but does not compile: \(errors.map { "\($0.location.line):\($0.location.column) \($0.message)" })")
            }
            return Verdict(plan: nil, problems: problems)
        }
        problems += PlanProperties.roundTripProblems(plan)
        return Verdict(plan: plan, problems: problems)
    }

    /// Property 4: a dry run of `plan` on two days of hourly GBM ticks from its own spot,
    /// seeded by `seed`. Returns whether the interpreter refused the plan, and the problems.
    public static func dryRunProblems(_ plan: HedgingPlan, seed: Int) -> (refused: Bool, problems: [String]) {
        let spec = "gbm:spot=\(plan.market.spot),vol=0.6,days=2,step=1h,seed=\(seed)"
        var interpreter = Interpreter(plan: plan)
        interpreter.checksInvariant = true
        let result: RunResult
        do {
            var source = try FeedSpec.parse(spec).makeSource()
            result = try run(&interpreter, on: &source)
        } catch is Interpreter.RunError {
            return (true, [])
        } catch {
            return (false, ["dry run on \(spec) failed with something other than a refusal: \(error)"])
        }
        var problems: [String] = []
        if !(interpreter.worstInvariantError < 1e-6) {
            problems.append("dry run on \(spec): |components − change in equity| reached \(interpreter.worstInvariantError) QUOTE")
        }
        let numbers = result.pnl.named.map { ($0.name, $0.amount) } + [
            ("total", result.pnl.total), ("max drawdown", result.maxDrawdown), ("tracking error", result.trackingError),
            ("hedge volume", result.hedgeVolume),
        ]
        for (name, value) in numbers where !value.isFinite {
            problems.append("dry run on \(spec): \(name) is \(value)")
        }
        return (false, problems)
    }

    private static func run(_ interpreter: inout Interpreter, on source: inout any TickSource) throws -> RunResult {
        func go<S: TickSource>(_ s: S) throws -> RunResult {
            var feed = s
            return try interpreter.run(&feed)
        }
        return try go(source)
    }
}
