import HedgeplanDiagnostics

/// A short put with cash reserved to buy at the strike (strike x quantity QUOTE).
enum CashSecuredPut: StructureTemplate {
    static let kind = StructureKind.cashSecuredPut
    static let parameters = ObjectShape(kind.rawValue, "Short put, cash reserved = strike x quantity.", [
        TemplateFields.quantity, TemplateFields.strike, TemplateFields.expiry,
    ])

    static func legs(_ p: ObjectReader, template: SourceLocation) -> [Leg]? {
        let q = p.number("quantity")
        let k = p.strike("strike")
        let e = p.expiry("expiry")
        guard let q, let k, let e else { return nil }
        return [.option(kind, "short-put", .short, .put, strike: k, expiry: e, quantity: q, template: template)]
    }
}
