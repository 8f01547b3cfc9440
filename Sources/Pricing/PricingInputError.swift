/// Why an input was rejected at the boundary of the library (validated initialisers).
/// The hot batch paths do not validate; they state their preconditions instead.
public struct PricingInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The parameter's name as the caller knows it (`spot`, `vol`, `T`, ...).
    public var field: String
    public var value: Double
    /// What the value must satisfy, e.g. "must be > 0".
    public var requirement: String

    public init(field: String, value: Double, requirement: String) {
        self.field = field
        self.value = value
        self.requirement = requirement
    }

    public var description: String { "\(field) = \(value) \(requirement)" }

    /// Throws unless `value` is finite and > 0.
    static func positive(_ value: Double, _ field: String) throws(PricingInputError) {
        guard value.isFinite, value > 0 else {
            throw PricingInputError(field: field, value: value, requirement: "must be a finite number > 0")
        }
    }

    /// Throws unless `value` is finite and >= 0.
    static func nonNegative(_ value: Double, _ field: String) throws(PricingInputError) {
        guard value.isFinite, value >= 0 else {
            throw PricingInputError(field: field, value: value, requirement: "must be a finite number >= 0")
        }
    }

    /// Throws unless `value` is finite.
    static func finite(_ value: Double, _ field: String, bound: Double = 10) throws(PricingInputError) {
        guard value.isFinite, value.magnitude <= bound else {
            throw PricingInputError(field: field, value: value, requirement: "must be a finite number with magnitude <= \(bound)")
        }
    }
}
