import Foundation
import PlanFormat
import HedgeplanGovernance
import Testing

/// `diff` at parameter level: paths, old and new values, relative changes.
struct PlanDiffTests {
    @Test func aWiderBandIsOneChangeWithItsPathValuesAndRelativeChange() throws {
        let f = try GovernanceFixture()
        defer { f.remove() }
        let changes = PlanDiff.changes(from: try f.plan("current.yaml"), to: try f.plan("wide.yaml"))
        // Only the band moved; the source file and its hash differ but are provenance.
        #expect(changes == [PlanChange(path: "$.hedge.delta.trigger.half_width", old: .number(1), new: .number(1.5))])
        #expect(changes.first?.relative == 0.5)
        #expect(PlanDiffText.text(changes) == "$.hedge.delta.trigger.half_width  1 -> 1.5  (+50%)\n")
        let json = try JSONSerialization.jsonObject(with: Data(PlanDiffText.json(changes).utf8)) as! [String: [[String: Any]]]
        let row = try #require(json["changes"]?.first)
        #expect(row["path"] as? String == "$.hedge.delta.trigger.half_width")
        #expect(row["old"] as? Double == 1)
        #expect(row["new"] as? Double == 1.5)
        #expect(row["relative"] as? Double == 0.5)
    }

    @Test func changedBreakersAndAnAddedOneAreListedLeafByLeaf() throws {
        let f = try GovernanceFixture()
        defer { f.remove() }
        let current = try f.plan("current.yaml")
        var next = current
        // price_move 15% -> 16.5% (+10%), and a feed_stale breaker added.
        next.safety[0].threshold = 0.165
        next.safety.append(BreakerRule(condition: .feedStale, windowSeconds: nil, threshold: 60, action: .halt, pauseSeconds: nil))
        let changes = PlanDiff.changes(from: current, to: next)
        #expect(changes.map(\.path) == ["$.safety[0].threshold", "$.safety[2].action", "$.safety[2].condition", "$.safety[2].threshold"])
        #expect(changes[0].old == .number(0.15) && changes[0].new == .number(0.165))
        #expect(abs(try #require(changes[0].relative) - 0.1) < 1e-12)
        #expect(changes[1].old == .absent && changes[1].new == .string("halt"))
        #expect(changes[3].relative == nil)
        let classified = ChangeClassifier.classify(changes, steward: f.policy.steward)
        #expect(classified.map(\.changeClass) == [.steward, .full, .full, .full])
        #expect(ChangeClassifier.overall(classified) == .full)
        #expect(PlanDiff.changes(from: current, to: current).isEmpty)
    }

    @Test func boundsAreRelativeAndOneSidedBoundsOnlyGoOneWay() throws {
        let maxLoss = try #require(GovernedParameter.named("risk.max_loss"))
        let (direction, limit) = try #require(ParameterBound.parse("-10%"))
        let bound = ParameterBound(name: "risk.max_loss", parameter: maxLoss, direction: direction, limit: limit, text: "-10%")
        #expect(bound.allows(old: 2000, new: 1800))
        #expect(!bound.allows(old: 2000, new: 1799))
        #expect(!bound.allows(old: 2000, new: 2001))
        #expect(ParameterBound.parse("±20%")! == (ParameterBound.Direction.either, 0.2))
        #expect(ParameterBound.parse("+5%")! == (ParameterBound.Direction.increaseOnly, 0.05))
        #expect(ParameterBound.parse("20%") == nil)
        #expect(ParameterBound.parse("±-20%") == nil)
        #expect(GovernedParameter.named("$.hedge.delta.trigger.half_width")?.name == "hedge.delta.band")
        #expect(GovernedParameter.named("safety.circuit_breakers.above")?.matches("$.safety[12].threshold") == true)
        #expect(GovernedParameter.named("safety.circuit_breakers.above")?.matches("$.safety[x].threshold") == false)
    }
}
