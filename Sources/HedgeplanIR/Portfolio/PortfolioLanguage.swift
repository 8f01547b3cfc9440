/// The portfolio file's mappings (design: simulation.md, "Portfolios"): members, shared
/// venues with perp margin and marks, and the arbitrage share. Described as data like the
/// strategy language, so the decoder reports unknown keys, "did you mean" and ranges the
/// same way.
extension LanguageDefinition {
    public static let portfolio = ObjectShape("portfolio", "Several strategies or plans run in one engine on shared venues.", [
        Field("hedgeplan", .integer(Bounds(min: 1, max: 1)), required: true, "Language version; 1."),
        Field("portfolio", .string(.slug), required: true, "Portfolio name, a slug: [a-z0-9-]+."),
        Field("description", .string(.text), "What the portfolio models, for people."),
        Field("members", .list(.object(portfolioMember)), required: true, "Strategies or plans, each with its copies; paths are relative to this file."),
        Field("venues", .list(.object(sharedVenue)), "Shared venues: they replace the members' venues of the same name."),
        Field("arbitrage", .percent(Bounds(min: 0, max: 1)),
              "Share of a pool's deviation from the feed that arbitrageurs close between ticks: 50% or 0.5; default 100%."),
    ])

    public static let portfolioMember = ObjectShape("portfolio-member", "One strategy or plan, run in `copies` identical books.", [
        Field("strategy", .string(.text), "A strategy file (YAML), compiled first; relative to the portfolio file."),
        Field("plan", .string(.text), "A compiled plan (JSON); relative to the portfolio file."),
        Field("copies", .integer(Bounds(min: 1, max: 100_000)), "Identical books of this member; default 1."),
        Field("collateral", .number(.nonNegative(max: 1e15)), "QUOTE posted per copy as perp margin; default 0."),
    ])

    /// A strategy's venue fields, plus what only a shared perp carries: margin and its mark.
    public static let sharedVenue = ObjectShape("shared-venue", "A venue every member trades on.", venue.fields + [
        Field("mark", .string(.identifier), "perp: the shared pool whose price marks positions; default the feed."),
        Field("margin", .object(perpMargin), "perp: margin requirements; members below maintenance are liquidated."),
    ])

    public static let perpMargin = ObjectShape("perp-margin", "Perp margin, as fractions of the position's notional at the mark.", [
        Field("initial", .percent(.positive(max: 1)), required: true, "Equity a position needs to grow: 10% or 0.1."),
        Field("maintenance", .percent(.positive(max: 1)), required: true, "Equity below which a position is liquidated: 5% or 0.05."),
    ])
}
