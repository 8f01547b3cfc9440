/// The stable identifier of a diagnostic's rule, printed as `[rule-id]`.
///
/// Ids are part of the user contract: configuration files and inline suppressions name
/// them, and SARIF viewers group results by them. Never rename one.
public struct RuleID: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

/// The front end's rules. Each has a one-line summary, shown in SARIF's rule table.
extension RuleID {
    /// A file cannot be read or written (missing, a directory or device, permission).
    public static let io: RuleID = "io"
    /// The file is not text: NUL bytes, invalid UTF-8, or empty.
    public static let encoding: RuleID = "encoding"
    /// The file holds no YAML document.
    public static let emptyFile: RuleID = "empty-file"
    /// The file is larger than the documented limit.
    public static let sizeLimit: RuleID = "size-limit"
    /// libyaml cannot parse the text.
    public static let yamlSyntax: RuleID = "yaml-syntax"
    /// Aliases expand past the budget, or an alias is used as a key.
    public static let aliasLimit: RuleID = "alias-limit"
    /// Nesting deeper than the documented limit.
    public static let depthLimit: RuleID = "depth-limit"
    /// A key appears twice in one mapping.
    public static let duplicateKey: RuleID = "duplicate-key"
    /// A key the language does not know.
    public static let unknownKey: RuleID = "unknown-key"
    /// A required key is absent.
    public static let missingKey: RuleID = "missing-key"
    /// A value of the wrong kind (a string where a number belongs, a list where a mapping does).
    public static let type: RuleID = "type"
    /// A number outside its valid range (NaN, infinite, negative, absurd).
    public static let range: RuleID = "range"
    /// Two legs or venues share an id.
    public static let duplicateID: RuleID = "duplicate-id"
    /// A name that refers to nothing (a venue that is not declared).
    public static let unresolvedReference: RuleID = "unresolved-reference"
    /// An expiry at or before the valuation time.
    public static let pastExpiry: RuleID = "past-expiry"
    /// A template's or `kind:` declaration's shape rule is broken.
    public static let templateShape: RuleID = "template-shape"
    /// Fields that contradict each other (a trigger without its parameter).
    public static let inconsistent: RuleID = "inconsistent"
}

/// The command line's own failures, rendered like any diagnostic.
extension RuleID {
    /// A price feed that cannot be used: unknown layout, no usable ticks, bad parameters.
    public static let feed: RuleID = "feed"
    /// A compiled plan that cannot be loaded: not JSON, not a plan, a value out of range.
    public static let plan: RuleID = "plan"
    /// A run journal that cannot be used: another run's, damaged, or in use.
    public static let journal: RuleID = "journal"
    /// A Monte Carlo run that cannot be made: paths the plan cannot run on, a history too short.
    public static let stress: RuleID = "stress"
    /// Partial stress results that cannot be merged: another run's, missing or duplicate shards.
    public static let merge: RuleID = "merge"
    /// The command line itself: an unknown flag, a value out of range, flags that cannot go
    /// together (exit 64). Rendered as a diagnostic only under `--format json|sarif`.
    public static let usage: RuleID = "usage"
}

/// Short descriptions for the rules, for SARIF's `tool.driver.rules`.
public enum RuleCatalog {
    public static let descriptions: [RuleID: String] = [
        .io: "A file cannot be read or written (missing, a directory or device, permission, a full disk).",
        .encoding: "The file is not UTF-8 text, or is empty.",
        .emptyFile: "The file holds no YAML document.",
        .sizeLimit: "The file is larger than the size limit.",
        .yamlSyntax: "The YAML cannot be parsed.",
        .aliasLimit: "YAML aliases expand past the budget, or an alias is used as a key.",
        .depthLimit: "The YAML nests deeper than the depth limit.",
        .duplicateKey: "A key appears twice in one mapping.",
        .unknownKey: "A key the language does not know.",
        .missingKey: "A required key is absent.",
        .type: "A value of the wrong kind.",
        .range: "A number outside its valid range.",
        .duplicateID: "Two legs or venues share an id.",
        .unresolvedReference: "A name refers to nothing declared.",
        .pastExpiry: "An expiry at or before the valuation time.",
        .templateShape: "A template's shape rule is broken.",
        .inconsistent: "Fields contradict each other.",
        .feed: "The price feed cannot be used (layout, encoding, parameters or no usable ticks).",
        .plan: "The compiled plan cannot be loaded (not JSON, not a plan, or a value out of range).",
        .journal: "The run journal cannot be used (another run's, damaged, unfinished or in use).",
        .stress: "A Monte Carlo run cannot be made (the plan cannot run on the simulated paths, or the history cannot be resampled).",
        .merge: "Partial stress results cannot be merged (another run's, a shard missing or given twice, damaged).",
        .usage: "The command line cannot be run as given: an unknown flag, a value out of range, or flags that cannot go together (exit 64).",
    ]
}
