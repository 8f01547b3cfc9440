import HedgeplanDiagnostics

/// Long spot, a long put below and a short call above: the call pays for the floor.
enum Collar: StructureTemplate {
    static let kind = StructureKind.collar
    static let parameters = ObjectShape(kind.rawValue, "Long spot, long put, short call; put strike < call strike.", [
        TemplateFields.quantity,
        Field("put", .strike, required: true, "Strike of the long put (the floor)."),
        Field("call", .strike, required: true, "Strike of the short call (the cap)."),
        TemplateFields.expiry,
    ])

    static func legs(_ p: ObjectReader, template: SourceLocation) -> [Leg]? {
        let q = p.number("quantity")
        let put = p.strike("put")
        let call = p.strike("call")
        let e = p.expiry("expiry")
        guard let q, let put, let call, let e else { return nil }
        return [
            .spot(kind, quantity: q, template: template),
            .option(kind, "long-put", .long, .put, strike: put, expiry: e, quantity: q, template: template),
            .option(kind, "short-call", .short, .call, strike: call, expiry: e, quantity: q, template: template),
        ]
    }
}
