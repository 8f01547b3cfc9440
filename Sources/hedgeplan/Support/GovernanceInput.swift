import ArgumentParser
import Feeds
import Foundation
import PlanFormat
import HedgeplanDiagnostics
import HedgeplanGovernance
import HedgeplanIR

/// The files of the governance commands: the policy (located diagnostics, exit 1; exit 74
/// when it cannot be read), a proposal, the activation log, and `--now`.
enum GovernanceInput {
    static func policy(_ path: String) throws -> GovernancePolicy {
        let loaded = GovernancePolicyReader.load(path: path)
        guard let policy = loaded.policy else {
            var texts: [String: String] = [:]
            if let source = loaded.source { texts[path] = source.text }
            throw CommandFailure(diagnostics: loaded.diagnostics, exitCode: loaded.isIOFailure ? 74 : 1).withTexts(texts)
        }
        return policy
    }

    static func proposal(_ path: String) throws(CommandFailure) -> Proposal {
        let data = try InputFile.bytes(path, what: "the proposal")
        do {
            return try Proposal.decode(data)
        } catch {
            throw .input(.proposal, path, error.description)
        }
    }

    /// The policy's log; a log that does not exist yet is empty.
    static func log(_ policy: GovernancePolicy) throws(CommandFailure) -> ActivationLog {
        let path = policy.logPath
        let data: Data? = FileManager.default.fileExists(atPath: path) ? try InputFile.bytes(path, what: "the activation log") : nil
        do {
            return try ActivationLog.read(data, governance: policy.name)
        } catch {
            throw .input(.activationLog, path, error.description)
        }
    }

    /// `--now`, else `HEDGEPLAN_NOW`, else the clock.
    static func now(_ text: String?) throws -> Instant {
        guard let text else { return try ValuationClock.now() }
        guard let instant = Instant(iso8601: text) else {
            throw ValidationError("--now must be an ISO 8601 instant like 2026-11-27T08:00:00Z, found \(text)")
        }
        return instant
    }

    /// The risk figure of a proposal's two plans under the policy, or a failure naming the proposal.
    static func recomputedRisk(_ proposal: Proposal, policy: GovernancePolicy, path: String) throws(CommandFailure) -> RiskFigure {
        do {
            return try RiskFigure.compute(current: proposal.current, proposed: proposal.proposed, settings: policy.risk)
        } catch {
            throw .input(.stress, path, error.description)
        }
    }
}

extension CommandFailure {
    /// Source texts for quoting lines under diagnostics.
    func withTexts(_ texts: [String: String]) -> CommandFailure {
        var copy = self
        copy.texts = texts
        return copy
    }
}
