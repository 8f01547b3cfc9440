/// Splits a large hedge into child orders of at most `maxChild` BASE, sent `every` apart by
/// the interpreter (the DSL's `slicing: { max_child, every }`).
///
/// Children are equal: n = ceil(X / maxChild) slices of X/n. For a convex cost per child
/// (price impact grows faster than size), equal slices cost least for a given count; the
/// last slice absorbs rounding so the slices add up to X exactly.
public enum HedgeSlicer {
    public static func slice(_ total: Double, maxChild: Double) throws(VenueError) -> [Double] {
        try TokenUnits.validSize(total)
        guard maxChild > 0, maxChild.isFinite else { throw .invalidParameter("max_child must be positive") }
        let count = Int((total / maxChild).rounded(.up))
        guard count > 1 else { return [total] }
        let each = total / Double(count)
        var slices = Array(repeating: each, count: count - 1)
        slices.append(total - each * Double(count - 1))
        return slices
    }
}
