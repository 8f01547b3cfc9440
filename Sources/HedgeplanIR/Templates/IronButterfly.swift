import HedgeplanDiagnostics
import HedgeplanFormatting

/// A short straddle at `strike` with long wings at strike - wings and strike + wings.
enum IronButterfly: StructureTemplate {
    static let kind = StructureKind.ironButterfly
    static let parameters = ObjectShape(kind.rawValue, "Short straddle at strike, long wings at strike -/+ wings.", [
        TemplateFields.quantity, TemplateFields.strike,
        Field("wings", .anyOf([.number(LanguageDefinition.price), .percent(.positive(max: 1))]), required: true,
              "Distance of the long wings from the strike: QUOTE (200) or a fraction of spot (10%)."),
        TemplateFields.expiry,
    ])

    static func legs(_ p: ObjectReader, template: SourceLocation) -> [Leg]? {
        let q = p.number("quantity")
        let k = p.strike("strike")
        let e = p.expiry("expiry")
        let wingsNode = p["wings"]
        guard let q, let k, let e, let wingsNode else { return nil }
        let wings: Located<Strike>
        let below: Strike
        let above: Strike
        if let distance = wingsNode.scalar?.core.number {
            guard let d = p.context.number(wingsNode, LanguageDefinition.price, name: p.name("wings")) else { return nil }
            guard case .absolute(let strike) = k.value else {
                p.context.error(.templateShape, "`\(p.name("wings"))` is a price distance (\(NumberFormat.asWritten(distance))), so `\(p.name("strike"))` must be an absolute price too; or give wings as a percent like 10%", at: wingsNode.location)
                return nil
            }
            (below, above) = (.absolute(strike - d), .absolute(strike + d))
        } else {
            guard let fraction = p.context.percent(wingsNode, .positive(max: 1), name: p.name("wings")) else { return nil }
            switch k.value {
            case .relative(let r): (below, above) = (.relative(r - fraction), .relative(r + fraction))
            case .atTheMoney: (below, above) = (.relative(-fraction), .relative(fraction))
            case .absolute(let strike): (below, above) = (.absolute(strike * (1 - fraction)), .absolute(strike * (1 + fraction)))
            case .delta:
                p.context.error(.templateShape, "an iron butterfly's strike cannot be given by delta; use a price, a relative strike or atm", at: k.location)
                return nil
            }
        }
        wings = Located(below, at: wingsNode.location)
        return [
            .option(kind, "long-put", .long, .put, strike: wings, expiry: e, quantity: q, template: template),
            .option(kind, "short-put", .short, .put, strike: k, expiry: e, quantity: q, template: template),
            .option(kind, "short-call", .short, .call, strike: k, expiry: e, quantity: q, template: template),
            .option(kind, "long-call", .long, .call, strike: Located(above, at: wingsNode.location), expiry: e, quantity: q, template: template),
        ]
    }
}
