/// Classes each change of a proposal against the steward's bounds: `steward` when a bound
/// governs the parameter and the move stays inside it, `full` otherwise. A proposal is a
/// steward change only when every one of its changes is (and there is at least one).
public enum ChangeClassifier {
    /// One change with its class and, when a bound governs it, the bound as written.
    public struct Classified: Codable, Equatable, Sendable {
        public var path: String
        public var old: PlanValue
        public var new: PlanValue
        public var relative: Double?
        public var changeClass: ChangeClass
        /// `hedge.delta.band ±20%`, when a bound governs this path.
        public var bound: String?
        /// Why a change is `full`, in words.
        public var reason: String?
    }

    public static func classify(_ changes: [PlanChange], steward: GovernancePolicy.Steward?) -> [Classified] {
        changes.map { change in
            guard let bound = steward?.bounds.first(where: { $0.parameter.matches(change.path) }) else {
                return Classified(path: change.path, old: change.old, new: change.new, relative: change.relative,
                                  changeClass: .full, bound: nil, reason: "no steward bound on this parameter")
            }
            let label = "\(bound.name) \(bound.text)"
            guard case .number(let old) = change.old, case .number(let new) = change.new else {
                return Classified(path: change.path, old: change.old, new: change.new, relative: change.relative,
                                  changeClass: .full, bound: label, reason: "added or removed, not moved within a bound")
            }
            let inside = bound.allows(old: old, new: new)
            return Classified(path: change.path, old: change.old, new: change.new, relative: change.relative,
                              changeClass: inside ? .steward : .full, bound: label,
                              reason: inside ? nil : "outside the bound \(bound.text)")
        }
    }

    /// The proposal's class: steward only when every change is, and there is one.
    public static func overall(_ classified: [Classified]) -> ChangeClass {
        !classified.isEmpty && classified.allSatisfy { $0.changeClass == .steward } ? .steward : .full
    }
}
