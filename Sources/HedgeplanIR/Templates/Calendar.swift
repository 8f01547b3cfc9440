import HedgeplanDiagnostics

/// Short the near expiry, long the far one, same type and strike: sells fast time decay.
enum Calendar: StructureTemplate {
    static let kind = StructureKind.calendar
    static let parameters = ObjectShape(kind.rawValue, "Short near, long far; same type and strike.", [
        TemplateFields.optionType, TemplateFields.quantity, TemplateFields.strike,
        Field("expiries", .tuple(.expiry, names: ["near", "far"]), required: true, "[near, far]; near before far."),
    ])

    static func legs(_ p: ObjectReader, template: SourceLocation) -> [Leg]? {
        let type = p.choice("type", as: OptionType.self)
        let q = p.number("quantity")
        let k = p.strike("strike")
        let expiries = p.expiries("expiries")
        guard let type, let q, let k, let expiries else { return nil }
        let t = type.value
        return [
            .option(kind, "short-near", .short, t, strike: k, expiry: expiries[0], quantity: q, template: template),
            .option(kind, "long-far", .long, t, strike: k, expiry: expiries[1], quantity: q, template: template),
        ]
    }
}
