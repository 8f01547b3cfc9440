/// The documented limits that keep the front end fast and its memory bounded on hostile
/// input (a 50 MB file, a "billion laughs" alias bomb, ten thousand nested lists).
///
/// A strategy file is a few kilobytes; the limits are orders of magnitude above that.
public struct ParseLimits: Sendable {
    /// Largest file read, in bytes (1 MiB). Larger files are rejected before parsing.
    public var maxBytes: Int = 1 << 20
    /// Deepest nesting of mappings and lists.
    public var maxDepth: Int = 64
    /// Most nodes the document may hold once every alias is expanded. Aliases share nodes
    /// while composing, but every later walk of the tree visits the expansion. A document
    /// past it without aliases is reported as too large (`size-limit`), one with aliases as
    /// a likely alias bomb (`alias-limit`): the message says which.
    public var maxExpandedNodes: Int = 100_000

    public init() {}

    public static let standard = ParseLimits()
}
