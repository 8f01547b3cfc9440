import Feeds
import Foundation
import Testing

/// Regime-switching paths: the chain visits its regimes in the stationary proportions, the
/// returns have the mixture's mean and variance, and the feed string replays the path.
struct RegimePathTests {
    /// The two regimes `hedgeplan regimes` fits to the bundled ETH history (per hourly step).
    static let eth = RegimeParameters(
        means: [8.2e-05, -0.000276], variances: [1.0676e-05, 0.00016137],
        transition: [[0.9212, 0.0788], [0.2032, 0.7968]])

    @Test func theChainAndTheReturnsHaveTheModelsMoments() throws {
        let r = Self.eth
        // Stationary distribution of a 2-state chain: π1 = p12 / (p12 + p21).
        let pi1 = 0.0788 / (0.0788 + 0.2032)
        #expect(abs(r.stationaryDistribution[1] - pi1) < 1e-12)
        var returns: [Double] = [], turbulent = 0, steps = 0
        for seed in 0..<200 {
            var path = RegimePath(PathParameters(spot: 100, volatility: 0, days: 30, step: 3_600_000, seed: UInt64(seed)), regimes: r)
            var previous = path.next()!.price
            while let tick = path.next() {
                returns.append(log(tick.price / previous))
                previous = tick.price
                steps += 1
                if path.state == 1 { turbulent += 1 }
            }
        }
        let n = Double(returns.count)
        #expect(returns.count == 200 * 720)
        // Occupancy: within 3 standard errors, allowing for the chain's autocorrelation
        // (variance inflation (1 + ρ) / (1 − ρ), ρ = 1 − p12 − p21).
        let rho = 1 - 0.0788 - 0.2032
        let occupancyError = (pi1 * (1 - pi1) / n * (1 + rho) / (1 - rho)).squareRoot()
        #expect(abs(Double(turbulent) / Double(steps) - pi1) < 3 * occupancyError)
        // Returns: mixture mean and variance.
        let mean = (1 - pi1) * r.means[0] + pi1 * r.means[1]
        let variance = (1 - pi1) * (r.variances[0] + r.means[0] * r.means[0]) + pi1 * (r.variances[1] + r.means[1] * r.means[1]) - mean * mean
        let drawnMean = returns.reduce(0, +) / n
        let drawnVariance = returns.reduce(0) { $0 + ($1 - drawnMean) * ($1 - drawnMean) } / n
        #expect(abs(drawnMean - mean) < 3 * (variance / n).squareRoot(), "mean \(drawnMean) against \(mean)")
        // The variance of a regime mixture is itself uncertain through the occupancy: 5% is
        // several of its standard errors here.
        #expect(abs(drawnVariance / variance - 1) < 0.05, "variance \(drawnVariance) against \(variance)")
    }

    @Test func theFeedStringRoundTripsAndIsChecked() throws {
        let spec = FeedSpec.regime(PathParameters(spot: 3000, volatility: 0, days: 7, step: 3_600_000, seed: 42), Self.eth)
        #expect(try FeedSpec.parse(spec.text) == spec)
        #expect(throws: FeedSpecError.self) { try FeedSpec.parse("regime:spot=3000,days=7,step=1h,means=0/0,variances=1e-5/1e-4,transition=0.9/0.2/0.2/0.8") }
        #expect(throws: FeedSpecError.self) { try FeedSpec.parse("regime:spot=3000,days=7,step=1h,means=0/0,variances=1e-5/1e-4") }
        #expect(throws: FeedSpecError.self) { try FeedSpec.parse("regime:spot=3000,days=7,step=1h,means=0,variances=1e-5,transition=1") }
    }
}
