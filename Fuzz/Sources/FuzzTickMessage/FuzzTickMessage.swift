import HedgeplanFuzzing

/// WebSocket text messages: a plausible tick or a rejection with a reason (`TickMessageProperties`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTickMessage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let problems = TickMessageProperties.problems(message: text)
    if !problems.isEmpty { fatalError("broken properties:\n" + problems.joined(separator: "\n")) }
    return 0
}
