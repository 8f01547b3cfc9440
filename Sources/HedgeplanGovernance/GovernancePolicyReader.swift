import Foundation
import HedgeplanDiagnostics
import HedgeplanIR
import HedgeplanSyntax

/// Reads a policy file with the strategy language's front end (YAML 1.2 core, located
/// nodes) and reports every problem at its file:line:column: unknown keys (with a hint),
/// missing keys, wrong kinds, malformed durations and bounds, a key file that is missing
/// or holds no Ed25519 public key, a threshold above the number of signers (or below 1),
/// a bound on a parameter the plan format does not have.
public struct LoadedPolicy: Sendable {
    public var path: String
    /// The text, for quoting source lines in diagnostics.
    public var source: SourceText?
    /// The policy, when the file has no errors.
    public var policy: GovernancePolicy?
    public var diagnostics: [Diagnostic]
    /// The file itself could not be read.
    public var isIOFailure: Bool { policy == nil && diagnostics.contains { $0.rule == .io && $0.location.file == path } }
}

public enum GovernancePolicyReader {
    /// At most this many paths in a policy's risk figure: every proposal, verify and activate runs them twice.
    public static let maxPaths = 10_000_000

    public static func load(path: String) -> LoadedPolicy {
        let parsed = SyntaxParser.parse(path: path)
        guard let root = parsed.root, !parsed.diagnostics.hasErrors else {
            return LoadedPolicy(path: path, source: parsed.source, policy: nil, diagnostics: parsed.diagnostics)
        }
        let reader = PolicyNodeReader(folder: path.contains("/") ? PathText.folder(of: path) : "", diagnostics: parsed.diagnostics)
        let policy = reader.policy(root)
        let diagnostics = reader.diagnostics.sortedByLocation()
        return LoadedPolicy(path: path, source: parsed.source, policy: diagnostics.hasErrors ? nil : policy, diagnostics: diagnostics)
    }
}

/// The walk over one policy document, collecting diagnostics as it goes.
final class PolicyNodeReader {
    /// The policy file's folder as given (relative paths stay relative, for messages); "" for the working directory.
    let folder: String
    var diagnostics: [Diagnostic]

    init(folder: String, diagnostics: [Diagnostic]) {
        self.folder = folder
        self.diagnostics = diagnostics
    }

    /// `file` relative to the policy's folder (absolute paths stay as they are).
    func resolve(_ file: String) -> String {
        if file.hasPrefix("/") || folder.isEmpty { return file }
        return folder.hasSuffix("/") ? folder + file : folder + "/" + file
    }

    func error(_ rule: RuleID, _ message: String, at node: SyntaxNode) {
        diagnostics.append(.error(rule, message, at: node.location))
    }

    /// The entries of a mapping by key, after reporting unknown keys and missing required ones.
    func fields(_ node: SyntaxNode, known: [String], required: [String], path: String) -> [String: SyntaxNode.Entry]? {
        guard let entries = node.entries else {
            error(.type, "`\(path.isEmpty ? "the policy" : path)` must be a mapping, found \(node.kindDescription)", at: node)
            return nil
        }
        var values: [String: SyntaxNode.Entry] = [:]
        for entry in entries {
            guard let key = entry.key.scalar?.text else {
                error(.type, "keys must be plain names, found \(entry.key.kindDescription)", at: entry.key)
                continue
            }
            guard known.contains(key) else {
                let place = path.isEmpty ? "at the top level of a policy" : "in `\(path)`"
                error(.unknownKey, "unknown key `\(key)` \(place)\(DidYouMean.hint(for: key, among: known)); known keys: \(known.joined(separator: ", "))", at: entry.key)
                continue
            }
            values[key] = entry
        }
        for key in required where values[key] == nil {
            error(.missingKey, "`\(path.isEmpty ? "the policy" : path)` is missing the required key `\(key)`", at: node)
        }
        return values
    }

    func integer(_ node: SyntaxNode, name: String, range: ClosedRange<Int>) -> Int? {
        guard case .int(let value)? = node.scalar?.core else {
            error(.type, "`\(name)` must be a whole number, found \(node.kindDescription)", at: node)
            return nil
        }
        guard range.contains(value) else {
            error(.range, "`\(name)` must be from \(range.lowerBound) to \(range.upperBound), found \(value)", at: node)
            return nil
        }
        return value
    }

    func text(_ node: SyntaxNode, name: String) -> String? {
        guard let scalar = node.scalar, case .string(let s) = scalar.core, !s.isEmpty else {
            error(.type, "`\(name)` must be text, found \(node.kindDescription)", at: node)
            return nil
        }
        return s
    }

    /// Whole seconds of a duration (`48h`, `14d`), with the strategy language's parser.
    func seconds(_ node: SyntaxNode, name: String) -> Int64? {
        guard let text = node.scalar?.text, node.scalar?.core.number == nil, let duration = HedgeplanIR.TimeSpan(parsing: text) else {
            error(.type, "`\(name)` must be a duration like 30s, 5m, 1h, 7d or 1y, found \(node.kindDescription)", at: node)
            return nil
        }
        guard duration.seconds >= 1, duration.seconds <= 100 * HedgeplanIR.TimeSpan.secondsPerYear, duration.seconds == duration.seconds.rounded() else {
            error(.range, "`\(name)` must be whole seconds from 1s to 100y, found \(text)", at: node)
            return nil
        }
        return Int64(duration.seconds)
    }

    static let topKeys = ["hedgeplan", "governance", "signers", "threshold", "timelock", "grace", "steward", "stress", "log"]

    func policy(_ root: SyntaxNode) -> GovernancePolicy? {
        guard let f = fields(root, known: Self.topKeys, required: Self.topKeys.filter { $0 != "steward" }, path: "") else { return nil }
        if let node = f["hedgeplan"]?.value, let version = integer(node, name: "hedgeplan", range: 1...Int.max), version != 1 {
            error(.range, "policy language version \(version) is not known; this hedgeplan reads version 1", at: node)
        }
        let name = f["governance"].flatMap { entry -> String? in
            guard let s = self.text(entry.value, name: "governance") else { return nil }
            guard s.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                self.error(.type, "`governance` must be a slug of a-z, 0-9 and -, found \"\(s)\"", at: entry.value)
                return nil
            }
            return s
        }
        let signers = f["signers"].flatMap { self.signerList($0.value) }
        let threshold = f["threshold"].flatMap { self.integer($0.value, name: "threshold", range: Int.min...Int.max) }
        if let threshold, let entry = f["threshold"], let signers {
            if threshold < 1 {
                error(.range, "`threshold` must be at least 1, found \(threshold)", at: entry.value)
            } else if threshold > signers.count {
                error(.inconsistent, "`threshold` is \(threshold) but the policy has \(signers.count) signer\(signers.count == 1 ? "" : "s"): no change could ever be approved", at: entry.value)
            }
        }
        let timelock = f["timelock"].flatMap { self.seconds($0.value, name: "timelock") }
        let grace = f["grace"].flatMap { self.seconds($0.value, name: "grace") }
        if let timelock, let grace, let entry = f["grace"], grace <= timelock {
            error(.inconsistent, "`grace` (\(grace) s) must be longer than `timelock` (\(timelock) s): every approved proposal would expire before it could be activated", at: entry.value)
        }
        let steward = f["steward"].flatMap { self.steward($0.value, signers: signers?.count, grace: grace) }
        let risk = f["stress"].flatMap { self.risk($0.value) }
        let log = f["log"].flatMap { self.text($0.value, name: "log") }
        guard let name, let signers, let threshold, let timelock, let grace, let risk, let log,
            f["steward"] == nil || steward != nil
        else { return nil }
        let logPath = resolve(log)
        return GovernancePolicy(name: name, signers: signers, threshold: threshold, timelockSeconds: timelock, graceSeconds: grace,
                                steward: steward, risk: risk, logPath: logPath)
    }

    func signerList(_ node: SyntaxNode) -> [GovernancePolicy.Signer]? {
        guard let items = node.items, !items.isEmpty else {
            error(.type, "`signers` must be a list of { name, key }, found \(node.kindDescription)", at: node)
            return nil
        }
        var signers: [GovernancePolicy.Signer] = []
        var complete = true
        for (i, item) in items.enumerated() {
            let path = "signers[\(i)]"
            guard let f = fields(item, known: ["name", "key"], required: ["name", "key"], path: path),
                let nameEntry = f["name"], let keyEntry = f["key"],
                let name = text(nameEntry.value, name: "\(path).name"), let file = text(keyEntry.value, name: "\(path).key")
            else { complete = false; continue }
            if let first = signers.first(where: { $0.name == name }) {
                _ = first
                error(.duplicateID, "signer `\(name)` is named twice", at: nameEntry.value)
                complete = false
                continue
            }
            guard let key = publicKey(file, at: keyEntry.value, signer: name) else { complete = false; continue }
            if let twin = signers.first(where: { $0.key == key }) {
                error(.inconsistent, "`\(name)` has the same key as `\(twin.name)`: one person would count as two approvals", at: keyEntry.value)
                complete = false
                continue
            }
            signers.append(GovernancePolicy.Signer(name: name, key: key))
        }
        return complete ? signers : nil
    }

    /// A signer's public key file, relative to the policy's folder.
    func publicKey(_ file: String, at node: SyntaxNode, signer: String) -> SignerKey.Public? {
        let path = resolve(file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            error(.io, "\(signer)'s key file \(file) does not exist (looked for \(path))", at: node)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path), data.count < 64 * 1024, let text = String(data: data, encoding: .utf8) else {
            error(.io, "\(signer)'s key file \(file) cannot be read as PEM text", at: node)
            return nil
        }
        do {
            return try SignerKey.publicKey(pem: text)
        } catch {
            diagnostics.append(.error(.type, "\(signer)'s key file \(file): \(error.description)", at: node.location))
            return nil
        }
    }

    func steward(_ node: SyntaxNode, signers: Int?, grace: Int64?) -> GovernancePolicy.Steward? {
        guard let f = fields(node, known: ["approvals", "delay", "every", "bounds"], required: ["approvals", "delay", "every", "bounds"], path: "steward")
        else { return nil }
        let approvals = f["approvals"].flatMap { self.integer($0.value, name: "steward.approvals", range: Int.min...Int.max) }
        if let approvals, let entry = f["approvals"] {
            if approvals < 1 {
                error(.range, "`steward.approvals` must be at least 1, found \(approvals)", at: entry.value)
            } else if let signers, approvals > signers {
                error(.inconsistent, "`steward.approvals` is \(approvals) but the policy has \(signers) signer\(signers == 1 ? "" : "s")", at: entry.value)
            }
        }
        let delay = f["delay"].flatMap { self.seconds($0.value, name: "steward.delay") }
        if let delay, let grace, let entry = f["delay"], delay >= grace {
            error(.inconsistent, "`steward.delay` (\(delay) s) must be shorter than `grace` (\(grace) s)", at: entry.value)
        }
        let every = f["every"].flatMap { self.seconds($0.value, name: "steward.every") }
        let bounds = f["bounds"].flatMap { self.bounds($0.value) }
        guard let approvals, approvals >= 1, let delay, let every, let bounds else { return nil }
        return GovernancePolicy.Steward(approvals: approvals, delaySeconds: delay, everySeconds: every, bounds: bounds)
    }

    func bounds(_ node: SyntaxNode) -> [ParameterBound]? {
        guard let entries = node.entries else {
            error(.type, "`steward.bounds` must be a mapping of parameter: bound (such as hedge.delta.band: ±20%), found \(node.kindDescription)", at: node)
            return nil
        }
        var bounds: [ParameterBound] = []
        var complete = true
        for entry in entries {
            guard let name = entry.key.scalar?.text else {
                error(.type, "a bound's key must be a parameter name, found \(entry.key.kindDescription)", at: entry.key)
                complete = false
                continue
            }
            guard let parameter = GovernedParameter.named(name) else {
                let names = GovernedParameter.all.map(\.name)
                error(.unresolvedReference, "`\(name)` is not a parameter of the plan format\(DidYouMean.hint(for: name, among: names)); bounds may name: \(names.joined(separator: ", "))", at: entry.key)
                complete = false
                continue
            }
            if let twin = bounds.first(where: { $0.parameter == parameter }) {
                error(.duplicateKey, "`\(name)` is bounded twice (also as `\(twin.name)`)", at: entry.key)
                complete = false
                continue
            }
            guard let text = entry.value.scalar?.text, let (direction, limit) = ParameterBound.parse(text) else {
                error(.type, "the bound of `\(name)` must be ±N% (either way), -N% (only down) or +N% (only up), found \(entry.value.kindDescription)", at: entry.value)
                complete = false
                continue
            }
            guard limit > 0, limit <= 10 else {
                error(.range, "the bound of `\(name)` must be above 0% and at most 1000%, found \(text)", at: entry.value)
                complete = false
                continue
            }
            bounds.append(ParameterBound(name: name, parameter: parameter, direction: direction, limit: limit, text: text))
        }
        return complete ? bounds : nil
    }

    func risk(_ node: SyntaxNode) -> GovernancePolicy.RiskSettings? {
        guard let f = fields(node, known: ["paths", "seed", "horizon", "step"], required: ["paths", "seed", "horizon", "step"], path: "stress") else { return nil }
        let paths = f["paths"].flatMap { self.integer($0.value, name: "stress.paths", range: 1...GovernancePolicyReader.maxPaths) }
        let seed = f["seed"].flatMap { self.integer($0.value, name: "stress.seed", range: 0...(1 << 53) - 1) }
        let horizon = f["horizon"].flatMap { self.seconds($0.value, name: "stress.horizon") }
        let step = f["step"].flatMap { self.seconds($0.value, name: "stress.step") }
        if let horizon, let step, let entry = f["step"], step > horizon {
            error(.inconsistent, "`stress.step` (\(step) s) is longer than `stress.horizon` (\(horizon) s)", at: entry.value)
            return nil
        }
        guard let paths, let seed, let horizon, let step else { return nil }
        return GovernancePolicy.RiskSettings(paths: paths, seed: UInt64(seed), horizonSeconds: horizon, stepSeconds: step)
    }
}
