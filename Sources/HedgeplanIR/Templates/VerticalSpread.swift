import HedgeplanDiagnostics

/// A long and a short option of one type and expiry at two strikes.
enum VerticalSpread: StructureTemplate {
    static let kind = StructureKind.verticalSpread
    static let parameters = ObjectShape(kind.rawValue, "A long and a short option of one type.", [
        TemplateFields.optionType, TemplateFields.quantity,
        TemplateFields.strikes(["long", "short"], "[long strike, short strike]; they differ."),
        TemplateFields.expiry,
    ])

    static func legs(_ p: ObjectReader, template: SourceLocation) -> [Leg]? {
        let type = p.choice("type", as: OptionType.self)
        let q = p.number("quantity")
        let strikes = p.strikes("strikes")
        let e = p.expiry("expiry")
        guard let type, let q, let strikes, let e else { return nil }
        let t = type.value
        return [
            .option(kind, "long-\(t.rawValue)", .long, t, strike: strikes[0], expiry: e, quantity: q, template: template),
            .option(kind, "short-\(t.rawValue)", .short, t, strike: strikes[1], expiry: e, quantity: q, template: template),
        ]
    }
}
