import HedgeplanDiagnostics
import HedgeplanSyntax

/// Lowers a portfolio file's syntax tree to `Portfolio`, reporting what one file can show:
/// types, ranges, unknown and missing keys, a member with both or neither of `strategy` and
/// `plan`, duplicate venue names, margin on a venue that is not a perp, a maintenance margin
/// above the initial one, a mark that names no shared pool. What needs the member files
/// (missing files, venue kinds, hedge venues) is `PortfolioChecker`'s.
public enum PortfolioDecoder {
    public static func decode(_ root: SyntaxNode, path: String, now: Instant) -> (portfolio: Portfolio?, diagnostics: [Diagnostic]) {
        let context = DecodeContext(now: now)
        let portfolio = decode(root, path: path, context)
        return (portfolio, context.diagnostics)
    }

    /// Whether a parsed document is a portfolio: a mapping with a top-level `portfolio:` key.
    public static func isPortfolio(_ root: SyntaxNode) -> Bool {
        root.entries?.contains { $0.key.scalar?.text == "portfolio" } ?? false
    }

    static func decode(_ root: SyntaxNode, path: String, _ context: DecodeContext) -> Portfolio? {
        guard let r = ObjectReader(root, LanguageDefinition.portfolio, context, path: "") else { return nil }
        let version = r.integer("hedgeplan")
        let name = r.string("portfolio")
        let members = r.objects("members").compactMap { decodeMember($0) }
        if let node = r["members"], node.items?.isEmpty == true {
            context.error(.missingKey, "`members` is empty: list at least one strategy or plan", at: node.location)
        }
        var seen: [String: SourceLocation] = [:]
        let venues = r.objects("venues").compactMap { v -> SharedVenue? in
            guard let venue = StrategyDecoder.decodeVenue(v), let kind = v["kind"] else { return nil }
            if let first = seen[venue.name.value] {
                context.error(.duplicateID, "venue name `\(venue.name.value)` is already used", at: venue.name.location,
                              notes: [.init("`\(venue.name.value)` is first declared here", at: first)])
            } else {
                seen[venue.name.value] = venue.name.location
            }
            return SharedVenue(venue: venue, kindLocation: kind.location, mark: v.string("mark"), margin: decodeMargin(v, venue: venue))
        }
        checkMarks(venues, context)
        guard version != nil, let name, r.has("members") else { return nil }
        return Portfolio(
            name: name, members: members, venues: venues,
            arbitrage: r.percent("arbitrage") ?? Located(1, at: root.location), path: path, location: root.location)
    }

    static func decodeMember(_ r: ObjectReader) -> PortfolioMember? {
        let strategy = r.string("strategy"), plan = r.string("plan")
        let source: Located<PortfolioMember.Source>
        switch (strategy, plan) {
        case (let strategy?, nil): source = strategy.map { .strategy($0) }
        case (nil, let plan?): source = plan.map { .plan($0) }
        case (_?, _?):
            r.context.error(.inconsistent, "a member is a `strategy` or a `plan`, not both", at: r.keyLocation("plan")!)
            return nil
        case (nil, nil):
            if !r.has("strategy"), !r.has("plan") {
                r.context.error(.missingKey, "`\(r.path)` needs `strategy: FILE.yaml` or `plan: FILE.json`", at: r.node.location)
            }
            return nil
        }
        if source.value.path.isEmpty {
            r.context.error(.range, "`\(r.path)`: the member's file name is empty", at: source.location)
            return nil
        }
        // A bad `copies` or `collateral` is already reported: the member is still checked
        // against its file (the error keeps it from running).
        let copies = r.integer("copies")
        let collateral = r.number("collateral")
        return PortfolioMember(
            source: source, copies: copies ?? Located(1, at: r.node.location),
            collateral: collateral ?? Located(0, at: r.node.location), location: r.node.location)
    }

    static func decodeMargin(_ r: ObjectReader, venue: Venue) -> PerpMargin? {
        let isPerp: Bool
        if case .perp = venue.kind { isPerp = true } else { isPerp = false }
        for key in ["mark", "margin"] where r.has(key) && !isPerp {
            r.context.error(.inconsistent, "`\(key)` applies to perp venues, and this one is \(venue.kind.name)", at: r.keyLocation(key)!)
        }
        guard isPerp, let m = r.object("margin") else { return nil }
        guard let initial = m.percent("initial"), let maintenance = m.percent("maintenance") else { return nil }
        if maintenance.value > initial.value {
            r.context.error(
                .inconsistent,
                "the maintenance margin (\(maintenance.value)) is above the initial margin (\(initial.value)): a new position would be liquidated at once",
                at: maintenance.location)
            return nil
        }
        return PerpMargin(initial: initial.value, maintenance: maintenance.value, location: m.node.location)
    }

    /// A perp's `mark` names a shared pool (constant-product or concentrated-liquidity).
    static func checkMarks(_ venues: [SharedVenue], _ context: DecodeContext) {
        let pools = venues.filter {
            switch $0.venue.kind {
            case .constantProduct, .concentratedLiquidity: true
            default: false
            }
        }
        let names = pools.map(\.venue.name.value)
        for venue in venues {
            guard let mark = venue.mark, !names.contains(mark.value) else { continue }
            let declared = names.isEmpty ? "no shared pool is declared" : "shared pools: \(names.joined(separator: ", "))"
            context.error(
                .unresolvedReference,
                "`mark: \(mark.value)` names no shared pool\(DidYouMean.hint(for: mark.value, among: names)); \(declared)",
                at: mark.location)
        }
    }
}

/// A portfolio file read and decoded: what `validate` and the runs start from.
public struct LoadedPortfolio: Sendable {
    public var path: String
    public var source: SourceText?
    public var portfolio: Portfolio?
    public var diagnostics: [Diagnostic]
    public var isIOFailure: Bool { diagnostics.contains { $0.rule == .io } }
}

public enum PortfolioLoader {
    public static func load(path: String, now: Instant, limits: ParseLimits = .standard) -> LoadedPortfolio {
        finish(path: path, SyntaxParser.parse(path: path, limits: limits), now: now)
    }

    public static func load(text: String, path: String, now: Instant, limits: ParseLimits = .standard) -> LoadedPortfolio {
        finish(path: path, SyntaxParser.parse(SourceText(path: path, text: text), limits: limits), now: now)
    }

    /// Whether the file at `path` is a portfolio (a YAML mapping with a top-level
    /// `portfolio:` key). Unreadable or malformed files are not: the strategy front end
    /// reports them.
    public static func isPortfolio(path: String) -> Bool {
        guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else { return false }
        return SyntaxParser.parse(path: path).root.map(PortfolioDecoder.isPortfolio) ?? false
    }

    private static func finish(path: String, _ parsed: ParsedSource, now: Instant) -> LoadedPortfolio {
        var diagnostics = parsed.diagnostics
        var portfolio: Portfolio?
        if let root = parsed.root {
            let decoded = PortfolioDecoder.decode(root, path: path, now: now)
            portfolio = decoded.portfolio
            diagnostics += decoded.diagnostics
        }
        return LoadedPortfolio(path: path, source: parsed.source, portfolio: portfolio, diagnostics: diagnostics.sortedByLocation())
    }
}
