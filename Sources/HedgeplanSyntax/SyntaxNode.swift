import HedgeplanDiagnostics

/// A node of a YAML document as the author wrote it: scalars stay text (with their quoting
/// style), and every node keeps its source location. The language gives scalars their
/// meaning later (`CoreScalar` for YAML 1.2-core typing, then the IR's value parsers).
public struct SyntaxNode: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case scalar(Scalar)
        case mapping([Entry])
        case sequence([SyntaxNode])
    }

    public struct Entry: Hashable, Sendable {
        public var key: SyntaxNode
        public var value: SyntaxNode
        public init(key: SyntaxNode, value: SyntaxNode) {
            self.key = key
            self.value = value
        }
    }

    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    public var scalar: Scalar? {
        if case .scalar(let s) = kind { return s }
        return nil
    }

    public var entries: [Entry]? {
        if case .mapping(let e) = kind { return e }
        return nil
    }

    public var items: [SyntaxNode]? {
        if case .sequence(let i) = kind { return i }
        return nil
    }

    /// What a user would call this node's kind, for "expected a number, found a list".
    public var kindDescription: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar): return scalar.kindDescription
        }
    }
}

/// A scalar's text and how it was written.
public struct Scalar: Hashable, Sendable {
    public enum Style: String, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var text: String
    public var style: Style
    /// An explicit tag such as `!!str`, if the author wrote one.
    public var tag: String?

    public init(_ text: String, style: Style = .plain, tag: String? = nil) {
        self.text = text
        self.style = style
        self.tag = tag
    }

    /// The YAML 1.2 core-schema value of this scalar.
    public var core: CoreScalar { CoreScalar(self) }

    var kindDescription: String {
        switch core {
        case .null: return "null"
        case .bool(let b): return "the boolean \(b)"
        case .int, .float: return "the number \(text)"
        case .string: return "the string \"\(text.count > 40 ? text.prefix(40) + "…" : text[...])\""
        }
    }
}
