import HedgeplanDiagnostics
import HedgeplanFormatting

/// The shape rules of each structure, checked on legs, so that one set of rules serves
/// templates (whose legs point at their parameters) and `kind:` declarations on explicit
/// legs alike. A broken rule is an error at the node that breaks it.
struct StructureShape {
    let kind: StructureKind
    /// Where the structure is declared (the template or the `kind:` value).
    let declaration: SourceLocation
    let spot: Double?
    let valuation: Instant
    let context: DecodeContext

    private typealias Role = (side: Side, type: LegType)

    func verify(_ legs: [Leg]) {
        switch kind {
        case .coveredCall:
            guard let l = match(legs, [(.long, .spot), (.short, .call)]) else { return }
            equalQuantities(l)
        case .cashSecuredPut:
            _ = match(legs, [(.short, .put)])
        case .protectivePut:
            guard let l = match(legs, [(.long, .spot), (.long, .put)]) else { return }
            equalQuantities(l)
        case .collar:
            guard let l = match(legs, [(.long, .spot), (.long, .put), (.short, .call)]) else { return }
            equalQuantities(l)
            sameExpiry([l[1], l[2]])
            increasing([(l[1], "long put"), (l[2], "short call")], rule: "long put < short call")
        case .verticalSpread:
            let type = legs.first?.instrument.type ?? .call
            guard let l = match(legs, [(.long, type == .put ? .put : .call), (.short, type == .put ? .put : .call)]) else { return }
            equalQuantities(l)
            sameExpiry(l)
            if let a = strikeLevel(l[0]), let b = strikeLevel(l[1]), a == b {
                context.error(.templateShape, "the short strike equals the long strike (\(NumberFormat.asWritten(b))): a vertical spread needs two strikes", at: strikeLocation(l[1]))
            }
        case .straddle, .strangle:
            let side = legs.first?.side.value ?? .long
            guard let l = match(legs, [(side, .put), (side, .call)]) else { return }
            equalQuantities(l)
            sameExpiry(l)
            if kind == .straddle {
                if let a = strikeLevel(l[0]), let b = strikeLevel(l[1]), a != b {
                    context.error(.templateShape, "a straddle's call and put share one strike; the call's is \(NumberFormat.asWritten(b)), the put's \(NumberFormat.asWritten(a))", at: strikeLocation(l[1]))
                }
            } else {
                increasing([(l[0], "put"), (l[1], "call")], rule: "put strike < call strike")
            }
        case .butterfly:
            verifyButterfly(legs)
        case .ironButterfly:
            guard let l = match(legs, [(.long, .put), (.short, .put), (.short, .call), (.long, .call)]) else { return }
            equalQuantities(l)
            sameExpiry(l)
            increasing([(l[0], "long put"), (l[1], "short put")], rule: "long put < short strike < long call")
            increasing([(l[2], "short call"), (l[3], "long call")], rule: "long put < short strike < long call")
            if let p = strikeLevel(l[1]), let c = strikeLevel(l[2]), p != c {
                context.error(.templateShape, "an iron butterfly's short put and short call share one strike; found \(NumberFormat.asWritten(p)) and \(NumberFormat.asWritten(c))", at: strikeLocation(l[2]))
            }
        case .ironCondor:
            guard let l = match(legs, [(.long, .put), (.short, .put), (.short, .call), (.long, .call)]) else { return }
            equalQuantities(l)
            sameExpiry(l)
            increasing(
                [(l[0], "long put"), (l[1], "short put"), (l[2], "short call"), (l[3], "long call")],
                rule: "long put < short put < short call < long call")
        case .calendar:
            let type = legs.first?.instrument.type == .put ? LegType.put : .call
            guard let l = match(legs, [(.short, type), (.long, type)]) else { return }
            equalQuantities(l)
            if let a = strikeLevel(l[0]), let b = strikeLevel(l[1]), a != b {
                context.error(.templateShape, "a calendar's legs share one strike; found \(NumberFormat.asWritten(a)) and \(NumberFormat.asWritten(b))", at: strikeLocation(l[1]))
            }
            if let near = l[0].instrument.expiry, let far = l[1].instrument.expiry,
                near.value.seconds(from: valuation) >= far.value.seconds(from: valuation)
            {
                context.error(.templateShape, "the far expiry (\(far.value)) must come after the near one (\(near.value))", at: far.location)
            }
        case .lpHedge:
            _ = match(legs, [(.long, .lp)])
        }
    }

    // MARK: Rules

    /// The legs in the order of `roles`, one each; reports the first leg that fits no role
    /// or the role no leg fills.
    private func match(_ legs: [Leg], _ roles: [Role]) -> [Leg]? {
        var remaining = legs
        var matched: [Leg] = []
        for role in roles {
            guard let index = remaining.firstIndex(where: { $0.side.value == role.side && $0.instrument.type == role.type }) else {
                context.error(
                    .templateShape,
                    "\(kind.rawValue) needs \(describe(roles)); no \(role.side.rawValue) \(role.type.rawValue) leg is left for it",
                    at: declaration)
                return nil
            }
            matched.append(remaining.remove(at: index))
        }
        if let extra = remaining.first {
            context.error(
                .templateShape, "\(kind.rawValue) needs \(describe(roles)); this \(extra.side.value.rawValue) \(extra.instrument.type.rawValue) leg does not belong",
                at: extra.location)
            return nil
        }
        return matched
    }

    private func describe(_ roles: [Role]) -> String {
        "\(roles.count) leg\(roles.count == 1 ? "" : "s") (" + roles.map { "\($0.side.rawValue) \($0.type.rawValue)" }.joined(separator: ", ") + ")"
    }

    private func equalQuantities(_ legs: [Leg], ratios: [Double]? = nil) {
        let ratios = ratios ?? Array(repeating: 1, count: legs.count)
        guard let first = legs.first?.quantity else { return }
        for (leg, ratio) in zip(legs, ratios).dropFirst() {
            guard let q = leg.quantity, abs(q.value - first.value * ratio) > 1e-12 * max(1, q.value) else { continue }
            let expected = NumberFormat.asWritten(first.value * ratio)
            context.error(
                .templateShape,
                "\(kind.rawValue) legs trade matching quantities: `\(leg.id.value)` has \(NumberFormat.asWritten(q.value)), expected \(expected)",
                at: q.location)
        }
    }

    private func sameExpiry(_ legs: [Leg]) {
        guard let first = legs.first?.instrument.expiry else { return }
        for leg in legs.dropFirst() {
            guard let e = leg.instrument.expiry, e.value.seconds(from: valuation) != first.value.seconds(from: valuation) else { continue }
            context.error(
                .templateShape, "\(kind.rawValue) legs expire together: `\(leg.id.value)` expires \(e.value), `\(legs[0].id.value)` \(first.value)",
                at: e.location)
        }
    }

    /// Strikes must increase in the given order; reports the first that does not, at its node.
    private func increasing(_ legs: [(Leg, String)], rule: String) {
        for (a, b) in zip(legs, legs.dropFirst()) {
            guard let sa = a.0.instrument.option?.strike.value, let sb = b.0.instrument.option?.strike.value,
                let (x, y) = Strike.compare(sa, sb, spot: spot), x >= y
            else { continue }
            context.error(
                .templateShape,
                "the \(b.1) strike (\(sb)) must be above the \(a.1) strike (\(sa)): \(kind.rawValue) needs \(rule)",
                at: strikeLocation(b.0))
            return
        }
    }

    private func verifyButterfly(_ legs: [Leg]) {
        let type: LegType = legs.first?.instrument.type == .put ? .put : .call
        let byStrike = legs.sorted { (strikeLevel($0) ?? 0) < (strikeLevel($1) ?? 0) }
        guard let l = match(byStrike, [(.long, type), (.short, type), (.long, type)]) else { return }
        sameExpiry(l)
        equalQuantities(l, ratios: [1, 2, 1])
        increasing([(l[0], "low"), (l[1], "mid"), (l[2], "high")], rule: "low < mid < high")
        if let low = strikeLevel(l[0]), let mid = strikeLevel(l[1]), let high = strikeLevel(l[2]), low < mid, mid < high,
            abs((mid - low) - (high - mid)) > 1e-9 * high
        {
            context.error(
                .templateShape,
                "a butterfly's wings are equal: mid - low = \(NumberFormat.asWritten(mid - low)) but high - mid = \(NumberFormat.asWritten(high - mid))",
                at: strikeLocation(l[2]))
        }
    }

    // MARK: Strikes

    /// A strike in comparable terms: absolute with a spot, else moneyness.
    private func strikeLevel(_ leg: Leg) -> Double? {
        guard let strike = leg.instrument.option?.strike.value else { return nil }
        return strike.level(spot: spot) ?? strike.moneyness(spot: nil)
    }

    private func strikeLocation(_ leg: Leg) -> SourceLocation {
        leg.instrument.option?.strike.location ?? leg.location
    }
}
