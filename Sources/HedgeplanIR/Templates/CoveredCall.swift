import HedgeplanDiagnostics

/// Long spot, short call on the same quantity: income from the call's premium, upside
/// capped at the strike.
enum CoveredCall: StructureTemplate {
    static let kind = StructureKind.coveredCall
    static let parameters = ObjectShape(kind.rawValue, "Long spot, short call.", [
        TemplateFields.quantity, TemplateFields.strike, TemplateFields.expiry,
    ])

    static func legs(_ p: ObjectReader, template: SourceLocation) -> [Leg]? {
        let q = p.number("quantity")
        let k = p.strike("strike")
        let e = p.expiry("expiry")
        guard let q, let k, let e else { return nil }
        return [
            .spot(kind, quantity: q, template: template),
            .option(kind, "short-call", .short, .call, strike: k, expiry: e, quantity: q, template: template),
        ]
    }
}
