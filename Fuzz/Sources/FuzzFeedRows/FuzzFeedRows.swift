import HedgeplanFuzzing

/// CSV feed bytes: refused with a message, or plausible ticks in time order (`FeedProperties`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeedRows(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let problems = FeedProperties.problems(csv: Array(UnsafeBufferPointer(start: data, count: size)))
    if !problems.isEmpty { fatalError("broken properties:\n" + problems.joined(separator: "\n")) }
    return 0
}
