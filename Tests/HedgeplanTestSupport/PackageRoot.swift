import Foundation

/// The repository root, found from this file's place in it, so that tests read bundled
/// strategies, feeds and goldens without depending on the working directory (tests run in
/// parallel and never change it).
public enum PackageRoot {
    public static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file or folder of the repository, from its path relative to the root.
    public static func url(_ relativePath: String) -> URL { url.appendingPathComponent(relativePath) }
}
