import HedgeplanDiagnostics
import HedgeplanSyntax

/// Lowers a syntax tree to the typed `Strategy`, reporting every problem it finds: types,
/// units, ranges, unknown and missing keys, unique ids, references, expiries in the
/// future of the valuation time, and template shapes. Payoff and risk bounds are the
/// checker's.
public enum StrategyDecoder {
    public static func decode(_ root: SyntaxNode, now: Instant) -> (strategy: Strategy?, diagnostics: [Diagnostic]) {
        let context = DecodeContext(now: now)
        let strategy = decode(root, context)
        return (strategy, context.diagnostics)
    }

    static func decode(_ root: SyntaxNode, _ context: DecodeContext) -> Strategy? {
        guard let r = ObjectReader(root, LanguageDefinition.strategy, context, path: "") else { return nil }
        var version: Int?
        if let node = r["hedgeplan"], let v = context.integer(node, Bounds(min: 0, max: 1e9), name: "hedgeplan") {
            if v == 1 {
                version = v
            } else {
                context.error(.range, "unsupported language version \(v); this hedgeplan reads `hedgeplan: 1`", at: node.location)
            }
        }
        let name = r.string("name")
        let description = r.string("description")?.value
        let underlying = r.string("underlying").map { located in
            located.map { text -> Underlying in
                let parts = text.split(separator: "/")
                return Underlying(base: String(parts[0]), quote: String(parts[1]))
            }
        }
        let market = r.object("market").flatMap { decodeMarket($0) }
        let valuation = market?.asOf?.value ?? context.now
        let spot = market?.spot?.value

        var legs: [Leg] = []
        var structure: Located<StructureKind>?
        if let node = r["structure"] {
            if let (kind, templateLegs) = decodeStructure(node, context, spot: spot, valuation: valuation) {
                structure = kind
                legs += templateLegs
            }
        }
        let explicitLegs = r.objects("legs").compactMap(decodeLeg)
        legs += explicitLegs
        let declaredKind = r.choice("kind", as: StructureKind.self)
        if let declaredKind {
            if r.has("legs") {
                StructureShape(kind: declaredKind.value, declaration: declaredKind.location, spot: spot, valuation: valuation, context: context)
                    .verify(explicitLegs)
            } else {
                context.error(.inconsistent, "`kind:` declares the shape of explicit `legs:`, and this strategy has none", at: declaredKind.location)
            }
        }
        if !r.has("structure"), !r.has("legs") {
            context.error(.missingKey, "the strategy has no positions: add `structure:` (a template) or `legs:`", at: root.location)
        }
        let execution = r.object("execution").flatMap(decodeExecution)
        checkLegs(legs, venues: execution?.venues ?? [], valuation: valuation, asOf: market?.asOf, context)

        let strategy = Strategy(
            languageVersion: 1,
            name: name ?? Located("", at: root.location),
            description: description,
            underlying: underlying ?? Located(Underlying(base: "", quote: ""), at: root.location),
            market: market ?? Market(asOf: nil, spot: nil, volatility: nil, rate: Located(0, at: root.location),
                                     model: Located(.blackScholes, at: root.location), location: root.location),
            structure: structure,
            declaredKind: declaredKind,
            legs: legs,
            risk: r.object("risk").map(decodeRisk),
            hedge: r.object("hedge").flatMap(decodeHedge),
            execution: execution,
            safety: r.object("safety").map(decodeSafety),
            roll: r.object("roll").flatMap(decodeRoll),
            valuationTime: valuation,
            valuationTimeIsAsOf: market?.asOf != nil,
            location: root.location)
        guard version != nil, name != nil, underlying != nil, market != nil else { return nil }
        return strategy
    }

    /// `structure: { TEMPLATE: { parameters } }`.
    static func decodeStructure(
        _ node: SyntaxNode, _ context: DecodeContext, spot: Double?, valuation: Instant
    ) -> (Located<StructureKind>, [Leg])? {
        let names = TemplateRegistry.all.map { $0.kind.rawValue }
        guard let entries = node.entries, entries.count == 1, let key = entries[0].key.scalar?.text else {
            context.error(.type, "`structure` must be a mapping with one template, like `iron-condor: {...}`; templates: \(names.joined(separator: ", "))", at: node.location)
            return nil
        }
        let keyLocation = entries[0].key.location
        guard let template = TemplateRegistry.template(named: key) else {
            context.error(.unknownKey, "unknown template `\(key)`\(DidYouMean.hint(for: key, among: names)); templates: \(names.joined(separator: ", "))", at: keyLocation)
            return nil
        }
        guard let parameters = ObjectReader(entries[0].value, template.parameters, context, path: "structure.\(key)"),
            let legs = template.legs(parameters, template: keyLocation)
        else { return nil }
        StructureShape(kind: template.kind, declaration: keyLocation, spot: spot, valuation: valuation, context: context).verify(legs)
        return (Located(template.kind, at: keyLocation), legs)
    }

    /// Unique ids, resolvable venues, expiries after the valuation time.
    static func checkLegs(_ legs: [Leg], venues: [Venue], valuation: Instant, asOf: Located<Instant>?, _ context: DecodeContext) {
        var seen: [String: SourceLocation] = [:]
        for leg in legs {
            if let first = seen[leg.id.value] {
                context.error(.duplicateID, "leg id `\(leg.id.value)` is already used", at: leg.id.location,
                              notes: [.init("`\(leg.id.value)` is first used here", at: first)])
            } else {
                seen[leg.id.value] = leg.id.location
            }
            if let expiry = leg.instrument.expiry, case .at(let instant) = expiry.value, instant <= valuation {
                let reference = asOf.map { "the valuation time market.as_of = \($0.value)" }
                    ?? "the current time (set market.as_of to value the strategy at another instant)"
                context.error(.pastExpiry, "expiry \(instant) is not after \(reference)", at: expiry.location)
            }
            if case .liquidity(let terms) = leg.instrument {
                checkLiquidityVenue(terms, venues: venues, context)
            }
        }
    }

    static func checkLiquidityVenue(_ terms: LiquidityTerms, venues: [Venue], _ context: DecodeContext) {
        guard let venue = venues.first(where: { $0.name.value == terms.venue.value }) else {
            let names = venues.map(\.name.value)
            let declared = names.isEmpty ? "no venues are declared in `execution.venues`" : "declared venues: \(names.joined(separator: ", "))"
            context.error(.unresolvedReference, "venue `\(terms.venue.value)` is not declared\(DidYouMean.hint(for: terms.venue.value, among: names)); \(declared)", at: terms.venue.location)
            return
        }
        switch venue.kind {
        case .perp:
            context.error(.inconsistent, "venue `\(venue.name.value)` is a perp; liquidity goes to a constant-product or concentrated-liquidity venue", at: terms.venue.location)
        case .constantProduct:
            if let range = terms.range {
                context.error(.inconsistent, "venue `\(venue.name.value)` is constant-product (full range); `range` applies to concentrated-liquidity venues", at: range.location)
            }
        case .concentratedLiquidity:
            if terms.range == nil {
                context.error(.missingKey, "venue `\(venue.name.value)` is concentrated-liquidity: the lp position needs a `range: [low, high]`", at: terms.venue.location)
            }
        }
    }
}
