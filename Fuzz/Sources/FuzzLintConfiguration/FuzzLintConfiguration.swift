import HedgeplanFuzzing

/// Lint configuration YAML: every error located (`LintConfigurationProperties`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLintConfiguration(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let problems = LintConfigurationProperties.problems(text: text)
    if !problems.isEmpty { fatalError("broken properties:\n" + problems.joined(separator: "\n")) }
    return 0
}
