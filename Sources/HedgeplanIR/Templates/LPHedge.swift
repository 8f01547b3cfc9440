import HedgeplanDiagnostics

/// A liquidity position on an AMM venue; with `hedge:` its delta is hedged, which is what
/// protects against impermanent loss.
enum LPHedge: StructureTemplate {
    static let kind = StructureKind.lpHedge
    static let parameters = ObjectShape(kind.rawValue, "A liquidity position on a venue.", [
        Field("venue", .string(.identifier), required: true, "A constant-product or concentrated-liquidity venue."),
        Field("range", .priceRange, "[low, high] QUOTE per BASE; concentrated venues only."),
        Field("capital", .number(.positive(max: 1e15)), required: true, "QUOTE deposited."),
        Field("fee_apr", .percent(.nonNegative(max: 10)),
              "Fee income a year as a fraction of the position's value, earned while spot is in range (25% or 0.25); overrides the feed's volume in a dry run."),
    ])

    static func legs(_ p: ObjectReader, template: SourceLocation) -> [Leg]? {
        let range = p.priceRange("range")
        let venue = p.string("venue")
        let capital = p.number("capital")
        let feeAPR = p.percent("fee_apr")
        guard let venue, let capital else { return nil }
        if p.has("range"), range == nil { return nil }
        if p.has("fee_apr"), feeAPR == nil { return nil }
        return [
            Leg(
                id: Located("\(kind.rawValue).position", at: template), side: Located(.long, at: template),
                instrument: .liquidity(LiquidityTerms(venue: venue, range: range, capital: capital, feeAPR: feeAPR)),
                quantity: nil, premium: nil, location: template)
        ]
    }
}
