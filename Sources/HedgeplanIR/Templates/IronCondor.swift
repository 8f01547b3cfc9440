import HedgeplanDiagnostics

/// Four legs of one expiry: long put < short put < short call < long call.
enum IronCondor: StructureTemplate {
    static let kind = StructureKind.ironCondor
    static let parameters = ObjectShape(kind.rawValue, "Long put < short put < short call < long call.", [
        TemplateFields.quantity,
        Field("puts", .tuple(.strike, names: ["long", "short"]), required: true, "[long wing, short body] put strikes."),
        Field("calls", .tuple(.strike, names: ["short", "long"]), required: true, "[short body, long wing] call strikes."),
        TemplateFields.expiry,
    ])

    static func legs(_ p: ObjectReader, template: SourceLocation) -> [Leg]? {
        let puts = p.strikes("puts")
        let calls = p.strikes("calls")
        let q = p.number("quantity")
        let e = p.expiry("expiry")
        guard let q, let e, let puts, let calls else { return nil }
        return [
            .option(kind, "long-put", .long, .put, strike: puts[0], expiry: e, quantity: q, template: template),
            .option(kind, "short-put", .short, .put, strike: puts[1], expiry: e, quantity: q, template: template),
            .option(kind, "short-call", .short, .call, strike: calls[0], expiry: e, quantity: q, template: template),
            .option(kind, "long-call", .long, .call, strike: calls[1], expiry: e, quantity: q, template: template),
        ]
    }
}
