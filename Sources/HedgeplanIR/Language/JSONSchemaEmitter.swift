import HedgeplanJSON
import HedgeplanSyntax

/// Turns the language description into a JSON Schema (draft-07, which yaml-language-server
/// supports best), so editors complete keys and underline mistakes as people type.
public enum JSONSchemaEmitter {
    public static func schema() -> JSONValue {
        var definitions: [String: JSONValue] = [:]
        let root = LanguageDefinition.strategy
        var rootSchema = objectSchema(root, definitions: &definitions)
        rootSchema["$schema"] = .string("http://json-schema.org/draft-07/schema#")
        rootSchema["$id"] = .string("https://hedgeplan.dev/schema/strategy.schema.json")
        rootSchema["title"] = .string("Hedgeplan strategy (language version 1)")
        rootSchema["definitions"] = .object(definitions)
        return .object(rootSchema)
    }

    static func objectSchema(_ shape: ObjectShape, definitions: inout [String: JSONValue]) -> [String: JSONValue] {
        var properties: [String: JSONValue] = [:]
        for field in shape.fields {
            var property = valueSchema(field.shape, definitions: &definitions)
            property["description"] = .string(field.summary)
            properties[field.name] = .object(property)
        }
        var schema: [String: JSONValue] = [
            "type": .string("object"),
            "description": .string(shape.summary),
            "additionalProperties": .bool(false),
            "properties": .object(properties),
        ]
        let required = shape.fields.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { schema["required"] = .array(required) }
        return schema
    }

    private static func reference(_ shape: ObjectShape, definitions: inout [String: JSONValue]) -> [String: JSONValue] {
        if definitions[shape.name] == nil {
            definitions[shape.name] = .null  // reserve: shapes may refer to themselves
            definitions[shape.name] = .object(objectSchema(shape, definitions: &definitions))
        }
        return ["$ref": .string("#/definitions/\(shape.name)")]
    }

    static func numberSchema(_ type: String, _ bounds: Bounds) -> [String: JSONValue] {
        var schema: [String: JSONValue] = ["type": .string(type)]
        if let min = bounds.min { schema[bounds.minExclusive ? "exclusiveMinimum" : "minimum"] = number(min) }
        if let max = bounds.max { schema["maximum"] = number(max) }
        return schema
    }

    private static func number(_ value: Double) -> JSONValue {
        value == value.rounded() && abs(value) < 1e15 ? .int(Int(value)) : .number(value)
    }

    private static func pattern(_ regex: String) -> [String: JSONValue] {
        ["type": .string("string"), "pattern": .string(regex)]
    }

    static let decimal = "[0-9]+(\\.[0-9]+)?"
    static let durationPattern = "^\(decimal)[smhdwy]$"
    static let instantPattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"

    static func valueSchema(_ shape: ValueShape, definitions: inout [String: JSONValue]) -> [String: JSONValue] {
        switch shape {
        case .integer(let bounds):
            return numberSchema("integer", bounds)
        case .number(let bounds):
            return numberSchema("number", bounds)
        case .percent(let bounds):
            return ["anyOf": .array([.object(numberSchema("number", bounds)), .object(pattern("^[+-]?\(decimal)%$"))])]
        case .relativeChange:
            return pattern("^[+-]\(decimal)%$")
        case .spotShock:
            return ["anyOf": .array([.object(pattern("^[+-]\(decimal)%$")), .object(numberSchema("number", LanguageDefinition.price))])]
        case .volatilityShock:
            return pattern("^[+-]\(decimal)(pt|%)$")
        case .duration:
            return pattern(durationPattern)
        case .instant:
            return pattern(instantPattern)
        case .expiry:
            return ["anyOf": .array([.object(pattern(durationPattern)), .object(pattern(instantPattern))])]
        case .strike:
            let delta: [String: JSONValue] = [
                "type": .string("object"), "additionalProperties": .bool(false), "required": .array([.string("delta")]),
                "properties": .object(["delta": .object(numberSchema("number", Bounds(min: -1, max: 1)))]),
            ]
            return ["anyOf": .array([
                .object(numberSchema("number", LanguageDefinition.price)),
                .object(pattern("^[+-]\(decimal)%$")),
                .object(["const": .string("atm")]),
                .object(delta),
            ])]
        case .gasPrice:
            return pattern("^\(decimal) ?gwei$")
        case .bool:
            return ["type": .string("boolean")]
        case .string(let format):
            return format.pattern.map(pattern) ?? ["type": .string("string")]
        case .choice(let names):
            return ["enum": .array(names.map(JSONValue.string))]
        case .band:
            return ["type": .string("array"), "items": .object(["type": .string("number")]), "minItems": .int(2), "maxItems": .int(2)]
        case .priceRange:
            return ["type": .string("array"), "items": .object(numberSchema("number", LanguageDefinition.price)),
                    "minItems": .int(2), "maxItems": .int(2)]
        case .list(let item):
            return ["type": .string("array"), "items": .object(valueSchema(item, definitions: &definitions))]
        case .tuple(let item, let names):
            return ["type": .string("array"), "items": .object(valueSchema(item, definitions: &definitions)),
                    "minItems": .int(names.count), "maxItems": .int(names.count)]
        case .object(let object):
            return reference(object, definitions: &definitions)
        case .oneKeyOf(let objects):
            var properties: [String: JSONValue] = [:]
            for object in objects {
                var property = reference(object, definitions: &definitions)
                property["description"] = .string(object.summary)
                properties[object.name] = .object(property)
            }
            return ["type": .string("object"), "additionalProperties": .bool(false), "minProperties": .int(1),
                    "maxProperties": .int(1), "properties": .object(properties)]
        case .anyOf(let shapes):
            return ["anyOf": .array(shapes.map { .object(valueSchema($0, definitions: &definitions)) })]
        }
    }
}
