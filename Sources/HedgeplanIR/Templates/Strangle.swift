import HedgeplanDiagnostics

/// A put below and a call above, both long or both short.
enum Strangle: StructureTemplate {
    static let kind = StructureKind.strangle
    static let parameters = ObjectShape(kind.rawValue, "A put and a call at two strikes; put strike < call strike.", [
        TemplateFields.side, TemplateFields.quantity,
        TemplateFields.strikes(["put", "call"], "[put strike, call strike]; put below call."),
        TemplateFields.expiry,
    ])

    static func legs(_ p: ObjectReader, template: SourceLocation) -> [Leg]? {
        let side = p.choice("side", as: Side.self)
        let q = p.number("quantity")
        let strikes = p.strikes("strikes")
        let e = p.expiry("expiry")
        guard let side, let q, let strikes, let e else { return nil }
        let s = side.value
        return [
            .option(kind, "\(s.rawValue)-put", s, .put, strike: strikes[0], expiry: e, quantity: q, template: template),
            .option(kind, "\(s.rawValue)-call", s, .call, strike: strikes[1], expiry: e, quantity: q, template: template),
        ]
    }
}
