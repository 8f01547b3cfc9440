import HedgeplanDiagnostics

/// Long spot insured by a long put.
enum ProtectivePut: StructureTemplate {
    static let kind = StructureKind.protectivePut
    static let parameters = ObjectShape(kind.rawValue, "Long spot, long put.", [
        TemplateFields.quantity, TemplateFields.strike, TemplateFields.expiry,
    ])

    static func legs(_ p: ObjectReader, template: SourceLocation) -> [Leg]? {
        let q = p.number("quantity")
        let k = p.strike("strike")
        let e = p.expiry("expiry")
        guard let q, let k, let e else { return nil }
        return [
            .spot(kind, quantity: q, template: template),
            .option(kind, "long-put", .long, .put, strike: k, expiry: e, quantity: q, template: template),
        ]
    }
}
