/// What follows a figure in a `stress` or `tune` table: nothing (a quantile, the min), its standard
/// error, or "n/a" where none is defined (an expected shortfall with one path beyond its
/// VaR has no spread to estimate one from).
enum ErrorBar {
    case none
    case undefined
    case stderr(Double)

    /// An error that is defined or not: nil is n/a.
    static func defined(_ error: Double?) -> ErrorBar { error.map(ErrorBar.stderr) ?? .undefined }

    /// `separator` and the error written by `format`, or n/a; nothing for `.none`.
    func suffix(_ separator: String, _ format: (Double) -> String) -> String {
        switch self {
        case .none: ""
        case .undefined: separator + "n/a"
        case .stderr(let error): separator + format(error)
        }
    }
}
