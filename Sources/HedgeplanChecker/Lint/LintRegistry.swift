import HedgeplanDiagnostics

/// Every lint rule, in the order the README documents them.
public enum LintRegistry {
    public static let rules: [any LintRule] = [
        ShortOptionUnhedged(),
        BandNarrowerThanCost(),
        BandWiderThanDelta(),
        PremiumOffModel(),
        StrikeOffGrid(),
        QuantityNotContractMultiple(),
        ExpiryNotListed(),
        BreakersMissingForUnboundedLoss(),
        GasNativeTokenMismatch(),
        HedgeWithoutStaleFeedBreaker(),
        PriceMoveWindowBelowFeedStep(),
        RollBeforeExpiry(),
    ]

    /// Every rule id, for configuration checks and "did you mean" hints.
    public static var ids: [RuleID] { rules.map(\.id) }

    public static func rule(_ id: RuleID) -> (any LintRule)? {
        rules.first { $0.id == id }
    }

    /// One-line descriptions of lint's own diagnostics and rules, for SARIF's rule table.
    public static var descriptions: [RuleID: String] {
        var result: [RuleID: String] = [
            .lintConfiguration: "The lint configuration file is malformed or names an unknown rule.",
            .lintSuppression: "An inline `hedgeplan-lint: disable=` comment names an unknown rule.",
        ]
        for rule in rules { result[rule.id] = rule.rationale }
        return result
    }
}

extension RuleID {
    /// A `.hedgeplan-lint.yml` that cannot be read, is malformed, or names an unknown rule.
    public static let lintConfiguration: RuleID = "lint-config"
    /// An inline suppression comment that names an unknown rule.
    public static let lintSuppression: RuleID = "lint-suppression"
}
