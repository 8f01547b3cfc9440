import HedgeplanDiagnostics

/// Long 1 low, short 2 mid, long 1 high, one type and expiry, with mid - low = high - mid.
enum Butterfly: StructureTemplate {
    static let kind = StructureKind.butterfly
    static let parameters = ObjectShape(kind.rawValue, "Long 1 low, short 2 mid, long 1 high; equal wings.", [
        TemplateFields.optionType, TemplateFields.quantity,
        TemplateFields.strikes(["low", "mid", "high"], "[low, mid, high]; mid - low = high - mid."),
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
            .option(kind, "long-low", .long, t, strike: strikes[0], expiry: e, quantity: q, template: template),
            .option(kind, "short-mid", .short, t, strike: strikes[1], expiry: e, quantity: q.map { 2 * $0 }, template: template),
            .option(kind, "long-high", .long, t, strike: strikes[2], expiry: e, quantity: q, template: template),
        ]
    }
}
