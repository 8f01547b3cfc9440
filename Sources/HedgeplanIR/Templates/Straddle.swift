import HedgeplanDiagnostics

/// A call and a put at one strike, both long or both short.
enum Straddle: StructureTemplate {
    static let kind = StructureKind.straddle
    static let parameters = ObjectShape(kind.rawValue, "A call and a put at one strike.", [
        TemplateFields.side, TemplateFields.quantity, TemplateFields.strike, TemplateFields.expiry,
    ])

    static func legs(_ p: ObjectReader, template: SourceLocation) -> [Leg]? {
        let side = p.choice("side", as: Side.self)
        let q = p.number("quantity")
        let k = p.strike("strike")
        let e = p.expiry("expiry")
        guard let side, let q, let k, let e else { return nil }
        let s = side.value
        return [
            .option(kind, "\(s.rawValue)-put", s, .put, strike: k, expiry: e, quantity: q, template: template),
            .option(kind, "\(s.rawValue)-call", s, .call, strike: k, expiry: e, quantity: q, template: template),
        ]
    }
}
