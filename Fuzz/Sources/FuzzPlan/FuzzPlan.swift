import Foundation
import HedgeplanFuzzing

/// Plan JSON: refused at a JSON path, or round-trips and runs cleanly (`PlanProperties`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlan(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let problems = PlanProperties.problems(bytes: Data(bytes: data, count: size))
    if !problems.isEmpty { fatalError("broken properties:\n" + problems.joined(separator: "\n")) }
    return 0
}
