import HedgeplanDiagnostics
import HedgeplanSyntax
import HedgeplanFormatting

/// Parsers for the language's value forms. Each reports what is wrong at the node, says
/// what was expected with an example, and returns nil so decoding goes on.
extension DecodeContext {
    func number(_ node: SyntaxNode, _ bounds: Bounds, name: String) -> Double? {
        guard let scalar = node.scalar else {
            error(.type, "`\(name)` must be a number, found \(node.kindDescription)", at: node.location)
            return nil
        }
        guard let value = scalar.core.number else {
            let quotedNumber = scalar.style != .plain && Double(scalar.text) != nil
            error(.type, "`\(name)` must be a number, found \(node.kindDescription)"
                + (quotedNumber ? "; remove the quotes" : ""), at: node.location)
            return nil
        }
        return checked(value, bounds, name: name, at: node.location)
    }

    func integer(_ node: SyntaxNode, _ bounds: Bounds, name: String) -> Int? {
        guard let scalar = node.scalar, case .int(let value) = scalar.core else {
            let quotedNumber = node.scalar.map { $0.style != .plain && Int($0.text) != nil } ?? false
            error(.type, "`\(name)` must be a whole number, found \(node.kindDescription)"
                + (quotedNumber ? "; remove the quotes" : ""), at: node.location)
            return nil
        }
        return checked(Double(value), bounds, name: name, at: node.location).map { _ in value }
    }

    private func checked(_ value: Double, _ bounds: Bounds, name: String, at location: SourceLocation, unit: String = "") -> Double? {
        guard value.isFinite else {
            error(.range, "`\(name)` must be a finite number, found \(value.isNaN ? "NaN" : "an infinity")", at: location)
            return nil
        }
        guard bounds.contains(value) else {
            error(.range, "`\(name)` must be \(describe(bounds, unit: unit)), found \(NumberFormat.asWritten(value))\(unit)", at: location)
            return nil
        }
        return value
    }

    private func describe(_ bounds: Bounds, unit: String) -> String {
        let lower = bounds.min.map { (bounds.minExclusive ? "> " : ">= ") + NumberFormat.asWritten($0) + unit }
        let upper = bounds.max.map { "<= " + NumberFormat.asWritten($0) + unit }
        return [lower, upper].compactMap { $0 }.joined(separator: " and ")
    }

    /// `65%` or `0.65`, as the fraction 0.65.
    func percent(_ node: SyntaxNode, _ bounds: Bounds, name: String) -> Double? {
        guard let scalar = node.scalar else {
            error(.type, "`\(name)` must be a percent like 65% or 0.65, found \(node.kindDescription)", at: node.location)
            return nil
        }
        if let number = scalar.core.number {
            guard number.isFinite else { return checked(number, bounds, name: name, at: node.location) }
            if !bounds.contains(number), number > 1, bounds.contains(number / 100) {
                error(.range, "`\(name)` is \(NumberFormat.asWritten(number)) = \(NumberFormat.asWritten(number * 100))%, which is out of range; did you mean \(NumberFormat.asWritten(number))%?", at: node.location)
                return nil
            }
            return checked(number, bounds, name: name, at: node.location)
        }
        guard let fraction = Self.parsePercent(scalar.text) else {
            error(.type, "`\(name)` must be a percent like 65% or 0.65, found \(node.kindDescription)", at: node.location)
            return nil
        }
        return checked(fraction * 100, bounds.scaled(100), name: name, at: node.location, unit: "%").map { $0 / 100 }
    }

    /// `12.5%` or `-3%` as 0.125, -0.03; nil when the text is not a percent (`PercentText`).
    static func parsePercent(_ text: String, requireSign: Bool = false) -> Double? {
        PercentText.fraction(text, requireSign: requireSign)
    }

    /// `+25%`, `-30%`: a signed change, as a fraction.
    func relativeChange(_ node: SyntaxNode, name: String) -> Double? {
        guard let text = node.scalar?.text, let fraction = Self.parsePercent(text, requireSign: true) else {
            error(.type, "`\(name)` must be a signed change like +25% or -30%, found \(node.kindDescription)", at: node.location)
            return nil
        }
        guard fraction > -1, fraction <= 100 else {
            error(.range, "`\(name)` must be above -100% and at most +10000%, found \(node.scalar!.text)", at: node.location)
            return nil
        }
        return fraction
    }

    func spotShock(_ node: SyntaxNode, name: String) -> SpotShock? {
        if let number = node.scalar?.core.number {
            return checked(number, LanguageDefinition.price, name: name, at: node.location).map(SpotShock.absolute)
        }
        return relativeChange(node, name: name).map(SpotShock.relative)
    }

    /// `+20pt` (volatility points) or `+40%` (relative).
    func volatilityShock(_ node: SyntaxNode, name: String) -> VolatilityShock? {
        let text = node.scalar?.text ?? ""
        if text.hasSuffix("pt"), let points = Double(text.dropLast(2)), points.isFinite,
            text.hasPrefix("+") || text.hasPrefix("-")
        {
            guard abs(points) <= 500 else {
                error(.range, "`\(name)` must be within ±500pt, found \(text)", at: node.location)
                return nil
            }
            return .points(points / 100)
        }
        if let fraction = Self.parsePercent(text, requireSign: true) {
            guard fraction > -1, fraction <= 10 else {
                error(.range, "`\(name)` must be above -100% and at most +1000%, found \(text)", at: node.location)
                return nil
            }
            return .relative(fraction)
        }
        error(.type, "`\(name)` must be a volatility shock like +20pt (points) or +40% (relative), found \(node.kindDescription)", at: node.location)
        return nil
    }

    func duration(_ node: SyntaxNode, max: TimeSpan, name: String) -> TimeSpan? {
        guard let text = node.scalar?.text, node.scalar?.core.number == nil, let duration = TimeSpan(parsing: text) else {
            error(.type, "`\(name)` must be a duration like 30s, 5m, 1h, 7d or 1y, found \(node.kindDescription)", at: node.location)
            return nil
        }
        guard duration.seconds > 0 else {
            error(.range, "`\(name)` must be a positive duration, found \(text)", at: node.location)
            return nil
        }
        guard duration <= max else {
            error(.range, "`\(name)` must be at most \(max), found \(text)", at: node.location)
            return nil
        }
        return duration
    }

    func instant(_ node: SyntaxNode, name: String) -> Instant? {
        guard let text = node.scalar?.text, let instant = Instant(iso8601: text) else {
            error(.type, "`\(name)` must be an ISO 8601 instant like 2026-12-25T08:00:00Z, found \(node.kindDescription)", at: node.location)
            return nil
        }
        return instant
    }

    func expiry(_ node: SyntaxNode, name: String) -> Expiry? {
        guard let text = node.scalar?.text else {
            error(.type, "`\(name)` must be a duration like 7d or an instant like 2026-12-25T08:00:00Z, found \(node.kindDescription)", at: node.location)
            return nil
        }
        if TimeSpan(parsing: text) != nil || node.scalar?.core.number != nil {
            return duration(node, max: LanguageDefinition.maxExpiry, name: name).map(Expiry.after)
        }
        guard let instant = Instant(iso8601: text) else {
            error(.type, "`\(name)` must be a duration like 7d or an instant like 2026-12-25T08:00:00Z, found \(node.kindDescription)", at: node.location)
            return nil
        }
        return .at(instant)
    }

    func strike(_ node: SyntaxNode, name: String) -> Strike? {
        let expected = "a price, a change like \"+10%\", atm, or { delta: 0.25 }"
        switch node.kind {
        case .mapping(let entries):
            guard entries.count == 1, entries[0].key.scalar?.text == "delta" else {
                error(.type, "`\(name)` must be \(expected); a mapping takes the single key `delta`", at: node.location)
                return nil
            }
            guard let delta = number(entries[0].value, Bounds(min: -1, max: 1), name: "\(name).delta") else { return nil }
            guard delta != 0, abs(delta) < 1 else {
                error(.range, "`\(name).delta` must be strictly between -1 and 1 and not 0, found \(NumberFormat.asWritten(delta))", at: entries[0].value.location)
                return nil
            }
            return .delta(delta)
        case .sequence:
            error(.type, "`\(name)` must be \(expected), found a list", at: node.location)
            return nil
        case .scalar(let scalar):
            if let value = scalar.core.number {
                return checked(value, LanguageDefinition.price, name: name, at: node.location).map(Strike.absolute)
            }
            if scalar.text == "atm" { return .atTheMoney }
            if let fraction = Self.parsePercent(scalar.text, requireSign: true) {
                guard fraction > -1, fraction <= 10 else {
                    error(.range, "`\(name)` must be above -100% and at most +1000% of spot, found \(scalar.text)", at: node.location)
                    return nil
                }
                return .relative(fraction)
            }
            error(.type, "`\(name)` must be \(expected), found \(node.kindDescription)", at: node.location)
            return nil
        }
    }

    /// `25 gwei`.
    func gasPrice(_ node: SyntaxNode, name: String) -> GasPrice? {
        let text = node.scalar?.text ?? ""
        guard text.hasSuffix("gwei"), let gwei = Double(text.dropLast(4).trimmingSpaces) else {
            error(.type, "`\(name)` must be a gas price like 25 gwei, found \(node.kindDescription)", at: node.location)
            return nil
        }
        return checked(gwei, .nonNegative(max: 1e6), name: name, at: node.location).map(GasPrice.init(gwei:))
    }

    func bool(_ node: SyntaxNode, name: String) -> Bool? {
        guard let scalar = node.scalar, case .bool(let value) = scalar.core else {
            let yaml11 = ["yes", "no", "on", "off", "y", "n"].contains(node.scalar?.text.lowercased() ?? "")
            error(.type, "`\(name)` must be true or false, found \(node.kindDescription)"
                + (yaml11 ? " (YAML 1.2 reads yes/no/on/off as strings)" : ""), at: node.location)
            return nil
        }
        return value
    }

    func string(_ node: SyntaxNode, _ format: StringFormat, name: String) -> String? {
        guard let scalar = node.scalar, case .string(let text) = scalar.core else {
            error(.type, "`\(name)` must be \(format.summary), found \(node.kindDescription)", at: node.location)
            return nil
        }
        guard format.matches(text) else {
            error(.type, "`\(name)` must be \(format.summary), found \"\(text)\"", at: node.location)
            return nil
        }
        return text
    }

    func choice(_ node: SyntaxNode, _ options: [String], name: String) -> String? {
        let listed = options.map { "`\($0)`" }.joined(separator: ", ")
        guard let text = node.scalar?.text, node.scalar?.core != .null else {
            error(.type, "`\(name)` must be one of \(listed), found \(node.kindDescription)", at: node.location)
            return nil
        }
        guard options.contains(text) else {
            error(.type, "`\(name)` must be one of \(listed), found `\(text)`\(DidYouMean.hint(for: text, among: options))", at: node.location)
            return nil
        }
        return text
    }

    func list(_ node: SyntaxNode, name: String) -> [SyntaxNode]? {
        guard let items = node.items else {
            error(.type, "`\(name)` must be a list, found \(node.kindDescription)", at: node.location)
            return nil
        }
        return items
    }

    /// A list of exactly `names.count` items: `strikes: [long, short]`.
    func tuple(_ node: SyntaxNode, names: [String], name: String) -> [SyntaxNode]? {
        let form = "[" + names.joined(separator: ", ") + "]"
        guard let items = node.items else {
            error(.type, "`\(name)` must be a list \(form), found \(node.kindDescription)", at: node.location)
            return nil
        }
        guard items.count == names.count else {
            error(.type, "`\(name)` must list \(names.count) values \(form), found \(items.count)", at: node.location)
            return nil
        }
        return items
    }

    /// `[low, high]` with low <= high.
    func band(_ node: SyntaxNode, name: String) -> GreekBand? {
        guard let items = tuple(node, names: ["low", "high"], name: name) else { return nil }
        let unbounded = Bounds(min: -1e15, max: 1e15)
        guard let low = number(items[0], unbounded, name: "\(name)[0]"),
            let high = number(items[1], unbounded, name: "\(name)[1]")
        else { return nil }
        guard low <= high else {
            error(.range, "`\(name)` must be [low, high] with low <= high, found [\(NumberFormat.asWritten(low)), \(NumberFormat.asWritten(high))]", at: node.location)
            return nil
        }
        return GreekBand(low: low, high: high)
    }

    /// `[low, high]` prices with 0 < low < high.
    func priceRange(_ node: SyntaxNode, name: String) -> PriceRange? {
        guard let items = tuple(node, names: ["low", "high"], name: name),
            let low = number(items[0], LanguageDefinition.price, name: "\(name)[0]"),
            let high = number(items[1], LanguageDefinition.price, name: "\(name)[1]")
        else { return nil }
        guard low < high else {
            error(.range, "`\(name)` must be [low, high] with low < high, found [\(NumberFormat.asWritten(low)), \(NumberFormat.asWritten(high))]", at: node.location)
            return nil
        }
        return PriceRange(lower: low, upper: high)
    }
}

extension Bounds {
    func scaled(_ factor: Double) -> Bounds {
        Bounds(min: min.map { $0 * factor }, max: max.map { $0 * factor }, minExclusive: minExclusive)
    }
}

extension StringProtocol {
    var trimmingSpaces: Substring {
        let s = self[...]
        guard let start = s.firstIndex(where: { $0 != " " }) else { return "" }
        let end = s.lastIndex(where: { $0 != " " })!
        return Substring(s[start...end])
    }
}
