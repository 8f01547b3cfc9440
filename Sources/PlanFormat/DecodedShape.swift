/// A decoded value seen as the JSON it was read from, for readers that match a document's
/// keys and numbers to the fields they were decoded into (`UnknownKeys`, `MisfitIntegers`):
/// a struct's stored properties by their snake_case keys, a collection's elements.
enum DecodedShape {
    /// The value an optional holds, or the shape a value writes (`EncodedShape`).
    static func unwrap(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return mirror.children.first.map { unwrap($0.value) } ?? value }
        if let shaped = value as? EncodedShape { return unwrap(shaped.encodedShape) }
        return value
    }

    /// A struct's stored properties by the keys a document gives them; nil for anything else.
    /// A property wrapper's storage, labelled `_name`, is the key `name`.
    static func fields(of value: Any) -> [String: Any]? {
        let mirror = Mirror(reflecting: unwrap(value))
        guard mirror.displayStyle == .struct else { return nil }
        var fields: [String: Any] = [:]
        for child in mirror.children {
            guard let label = child.label else { continue }
            fields[PlanPath.snakeCase(label.hasPrefix("_") ? String(label.dropFirst()) : label)] = child.value
        }
        return fields
    }

    /// A collection's elements; nil for anything else.
    static func elements(of value: Any) -> [Any]? {
        let mirror = Mirror(reflecting: unwrap(value))
        guard mirror.displayStyle == .collection else { return nil }
        return mirror.children.map(\.value)
    }
}

/// A value written as another value's JSON (a property wrapper that keeps rows and writes
/// columns): `DecodedShape` reads it in the shape it is written in, so that a misfit in a
/// partial result's columns is named by its field's type in one decoding.
public protocol EncodedShape {
    var encodedShape: Any { get }
}
