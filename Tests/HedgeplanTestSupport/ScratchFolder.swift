import Foundation

/// A new, empty folder under the system's temporary directory, named `PREFIX-UUID`: tests
/// run in parallel, so each makes its own and never shares one, nor the working directory.
/// The caller removes it (`defer { try? FileManager.default.removeItem(at: folder) }`).
public enum ScratchFolder {
    public static func make(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
