import HedgeplanDiagnostics
import HedgeplanSyntax

/// Typed fields: each accessor reads the key's node (nil when absent; missing required keys
/// are already reported) and parses it by the form and range the field declares.
extension ObjectReader {
    private func located<T>(_ key: String, _ parse: (SyntaxNode, Field) -> T?) -> Located<T>? {
        guard let node = self[key], let value = parse(node, field(key)) else { return nil }
        return Located(value, at: node.location)
    }

    func number(_ key: String) -> Located<Double>? {
        located(key) { node, field in
            guard case .number(let bounds) = field.shape else { preconditionFailure("\(key) is not a number field") }
            return context.number(node, bounds, name: name(key))
        }
    }

    func integer(_ key: String) -> Located<Int>? {
        located(key) { node, field in
            guard case .integer(let bounds) = field.shape else { preconditionFailure("\(key) is not an integer field") }
            return context.integer(node, bounds, name: name(key))
        }
    }

    func percent(_ key: String) -> Located<Double>? {
        located(key) { node, field in
            guard case .percent(let bounds) = field.shape else { preconditionFailure("\(key) is not a percent field") }
            return context.percent(node, bounds, name: name(key))
        }
    }

    func duration(_ key: String) -> Located<TimeSpan>? {
        located(key) { node, field in
            guard case .duration(let max) = field.shape else { preconditionFailure("\(key) is not a duration field") }
            return context.duration(node, max: max, name: name(key))
        }
    }

    func instant(_ key: String) -> Located<Instant>? { located(key) { node, _ in context.instant(node, name: name(key)) } }
    func expiry(_ key: String) -> Located<Expiry>? { located(key) { node, _ in context.expiry(node, name: name(key)) } }
    func strike(_ key: String) -> Located<Strike>? { located(key) { node, _ in context.strike(node, name: name(key)) } }
    func gasPrice(_ key: String) -> Located<GasPrice>? { located(key) { node, _ in context.gasPrice(node, name: name(key)) } }
    func bool(_ key: String) -> Located<Bool>? { located(key) { node, _ in context.bool(node, name: name(key)) } }
    func band(_ key: String) -> Located<GreekBand>? { located(key) { node, _ in context.band(node, name: name(key)) } }
    func priceRange(_ key: String) -> Located<PriceRange>? { located(key) { node, _ in context.priceRange(node, name: name(key)) } }
    func spotShock(_ key: String) -> Located<SpotShock>? { located(key) { node, _ in context.spotShock(node, name: name(key)) } }
    func volatilityShock(_ key: String) -> Located<VolatilityShock>? {
        located(key) { node, _ in context.volatilityShock(node, name: name(key)) }
    }

    func string(_ key: String) -> Located<String>? {
        located(key) { node, field in
            guard case .string(let format) = field.shape else { preconditionFailure("\(key) is not a string field") }
            return context.string(node, format, name: name(key))
        }
    }

    func choice(_ key: String) -> Located<String>? {
        located(key) { node, field in
            guard case .choice(let options) = field.shape else { preconditionFailure("\(key) is not a choice field") }
            return context.choice(node, options, name: name(key))
        }
    }

    func choice<E: RawRepresentable & Sendable>(_ key: String, as type: E.Type) -> Located<E>? where E.RawValue == String {
        choice(key).flatMap { located in E(rawValue: located.value).map { Located($0, at: located.location) } }
    }

    /// A nested mapping, read against its own shape.
    func object(_ key: String) -> ObjectReader? {
        guard let node = self[key] else { return nil }
        guard case .object(let shape) = field(key).shape else { preconditionFailure("\(key) is not an object field") }
        return ObjectReader(node, shape, context, path: name(key))
    }

    /// The items of a list of mappings, each read against the item shape with its index in the path.
    func objects(_ key: String) -> [ObjectReader] {
        guard let node = self[key], let items = context.list(node, name: name(key)) else { return [] }
        guard case .list(.object(let shape)) = field(key).shape else { preconditionFailure("\(key) is not a list of objects") }
        return items.enumerated().compactMap { index, item in
            ObjectReader(item, shape, context, path: "\(name(key))[\(index)]")
        }
    }
}
