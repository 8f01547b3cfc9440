/// The structures the language knows, as templates (`structure:`) and as `kind:`
/// declarations on explicit legs.
public enum StructureKind: String, Hashable, Sendable, CaseIterable {
    case coveredCall = "covered-call"
    case cashSecuredPut = "cash-secured-put"
    case protectivePut = "protective-put"
    case collar
    case verticalSpread = "vertical-spread"
    case straddle
    case strangle
    case butterfly
    case ironButterfly = "iron-butterfly"
    case ironCondor = "iron-condor"
    case calendar
    case lpHedge = "lp-hedge"
}
