/// The folder and the name of a file path, split as text at its last `/`.
///
/// Why not `NSString.deletingLastPathComponent`: swift-corelibs-foundation's (Swift 6.3.1)
/// traps on some one-character paths (`-o x` crashed every command that writes a file).
/// This needs no file system and no Foundation: `"x"` is `"."` and `"x"`, `"a/b/c"` is
/// `"a/b"` and `"c"`, `"/x"` is `"/"` and `"x"`, and a trailing `/` leaves an empty name.
public enum PathText {
    /// The folder holding `path`: `"."` for a bare name, `"/"` for a file at the root.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = path[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The last component of `path` (empty when it ends in `/`).
    public static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
