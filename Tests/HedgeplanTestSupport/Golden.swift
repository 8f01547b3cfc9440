import Foundation

/// Golden files: the exact expected output, kept in the repository. `HEDGEPLAN_RECORD=1
/// swift test` re-records them; review the diff before committing.
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["HEDGEPLAN_RECORD"] == "1" }

    /// Nil when `actual` matches the golden file (or was just recorded into it), else a
    /// readable mismatch naming the file.
    public static func mismatch(_ actual: String, golden: URL) -> String? {
        if recording {
            record(Data(actual.utf8), at: golden)
            return nil
        }
        guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
            return "no golden file \(golden.path); record it with HEDGEPLAN_RECORD=1 swift test"
        }
        guard expected != actual else { return nil }
        return "output differs from \(golden.path) (re-record with HEDGEPLAN_RECORD=1 and review the diff):\n--- expected\n\(expected)\n--- actual\n\(actual)"
    }

    /// The same for bytes (plans are compared byte for byte).
    public static func mismatch(_ actual: Data, golden: URL) -> String? {
        if recording {
            record(actual, at: golden)
            return nil
        }
        guard let expected = try? Data(contentsOf: golden) else {
            return "no golden file \(golden.path); record it with HEDGEPLAN_RECORD=1 swift test"
        }
        return expected == actual ? nil : "bytes differ from \(golden.path); re-record with HEDGEPLAN_RECORD=1 and review the diff"
    }

    private static func record(_ data: Data, at golden: URL) {
        try? FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: golden)
    }
}
