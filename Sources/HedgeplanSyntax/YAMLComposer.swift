import CYaml
import HedgeplanDiagnostics

/// Builds the `SyntaxNode` tree of one YAML document from libyaml's event stream (the
/// libyaml that Yams vendors as `CYaml`), guarding against hostile input as it goes.
///
/// Why not `Yams.compose`: it throws at the first duplicate key without a tree (and marks
/// the first occurrence, not the second), it has no alias-expansion limit, and it types
/// scalars by YAML 1.1 rules. Reading the event stream once gives every node its location,
/// reports every duplicate key and keeps going, rejects alias bombs and aliases used as
/// keys before anything walks the tree, and bounds nesting depth, in one pass.
final class YAMLComposer {
    let path: String
    let limits: ParseLimits
    private(set) var diagnostics: [Diagnostic] = []
    private var anchors: [String: (node: SyntaxNode, size: Int)] = [:]
    private var expandedNodes = 0
    /// Of `expandedNodes`, those that aliases added (an alias counts its anchor's size).
    private var aliasNodes = 0
    /// The bytes being parsed, to place reader errors, which libyaml gives as a byte offset.
    private var input: [UInt8] = []

    /// Stops composing after a fatal problem (syntax error, a limit).
    private struct Stop: Error {}

    /// libyaml's parser state, owned by this composer for its lifetime.
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)

    init(path: String, limits: ParseLimits) {
        self.path = path
        self.limits = limits
        parser.initialize(to: yaml_parser_t())
    }

    deinit {
        parser.deinitialize(count: 1)
        parser.deallocate()
    }

    /// Composes the single document of `text`; nil when the file has none or a fatal problem.
    /// Call once per composer.
    func compose(_ text: String) -> SyntaxNode? {
        var bytes = Array(text.utf8)
        input = bytes
        return bytes.withUnsafeMutableBufferPointer { buffer -> SyntaxNode? in
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            return try? composeStream()
        }
    }

    private func composeStream() throws -> SyntaxNode? {
        _ = try nextEvent()  // STREAM-START
        let first = try nextEvent()
        guard first.type == YAML_DOCUMENT_START_EVENT else {
            diagnostics.append(.error(
                .emptyFile, "file holds no YAML document; a strategy starts with `hedgeplan: 1`",
                at: location(first.raw.start_mark)))
            return nil
        }
        let root = try composeNode(nextEvent(), depth: 1).node
        _ = try nextEvent()  // DOCUMENT-END
        let after = try nextEvent()
        if after.type == YAML_DOCUMENT_START_EVENT {
            diagnostics.append(.error(
                .yamlSyntax, "a strategy file holds one YAML document; a second one starts here",
                at: location(after.raw.start_mark)))
        }
        return root
    }

    private func composeNode(_ event: Event, depth: Int) throws -> (node: SyntaxNode, size: Int) {
        let here = location(event.raw.start_mark)
        if depth > limits.maxDepth {
            diagnostics.append(.error(
                .depthLimit, "nesting is deeper than the limit of \(limits.maxDepth) levels", at: here))
            throw Stop()
        }
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = string(event.raw.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                diagnostics.append(.error(.yamlSyntax, "alias *\(name) refers to no anchor defined before it", at: here))
                throw Stop()
            }
            aliasNodes += anchored.size
            try count(anchored.size, at: here)
            return anchored
        case YAML_SCALAR_EVENT:
            let data = event.raw.data.scalar
            let text = string(data.value, length: data.length) ?? ""
            let node = SyntaxNode(.scalar(Scalar(text, style: style(data.style), tag: string(data.tag))), at: here)
            try count(1, at: here)
            register(anchor: data.anchor, node, size: 1)
            return (node, 1)
        case YAML_SEQUENCE_START_EVENT:
            let anchor = string(event.raw.data.sequence_start.anchor)
            try count(1, at: here)
            var items: [SyntaxNode] = []
            var size = 1
            var next = try nextEvent()
            while next.type != YAML_SEQUENCE_END_EVENT {
                let child = try composeNode(next, depth: depth + 1)
                items.append(child.node)
                size += child.size
                next = try nextEvent()
            }
            let node = SyntaxNode(.sequence(items), at: here)
            if let anchor { anchors[anchor] = (node, size) }
            return (node, size)
        case YAML_MAPPING_START_EVENT:
            let anchor = string(event.raw.data.mapping_start.anchor)
            try count(1, at: here)
            var entries: [SyntaxNode.Entry] = []
            var firstSeen: [String: SourceLocation] = [:]
            var size = 1
            var next = try nextEvent()
            while next.type != YAML_MAPPING_END_EVENT {
                if next.type == YAML_ALIAS_EVENT {
                    diagnostics.append(.error(
                        .aliasLimit, "an alias cannot be used as a mapping key", at: location(next.raw.start_mark)))
                    throw Stop()
                }
                let key = try composeNode(next, depth: depth + 1)
                let value = try composeNode(nextEvent(), depth: depth + 1)
                size += key.size + value.size
                if let text = key.node.scalar?.text {
                    if let first = firstSeen[text] {
                        diagnostics.append(.error(
                            .duplicateKey, "duplicate key `\(text)`; a key may appear once in a mapping",
                            at: key.node.location, notes: [.init("`\(text)` is first defined here", at: first)]))
                        next = try nextEvent()
                        continue
                    }
                    firstSeen[text] = key.node.location
                }
                entries.append(.init(key: key.node, value: value.node))
                next = try nextEvent()
            }
            let node = SyntaxNode(.mapping(entries), at: here)
            if let anchor { anchors[anchor] = (node, size) }
            return (node, size)
        default:
            diagnostics.append(.error(.yamlSyntax, "unexpected YAML event", at: here))
            throw Stop()
        }
    }

    // MARK: Events

    /// One libyaml event, freed when released.
    private final class Event {
        var raw = yaml_event_t()
        var type: yaml_event_type_t { raw.type }
        deinit { yaml_event_delete(&raw) }
    }

    private func nextEvent() throws -> Event {
        let event = Event()
        guard yaml_parser_parse(parser, &event.raw) == 1 else {
            let problem = parser.pointee.problem.map { String(cString: $0) } ?? "invalid YAML"
            let context = parser.pointee.context.map { String(cString: $0) }
            // Reader errors (a control character, bad UTF-8) carry a byte offset, not a mark.
            let here = parser.pointee.error == YAML_READER_ERROR
                ? location(byteOffset: parser.pointee.problem_offset) : location(parser.pointee.problem_mark)
            if problem.hasPrefix("Maximum nesting level") {
                diagnostics.append(.error(.depthLimit, "nesting is deeper than the limit of \(limits.maxDepth) levels", at: here))
            } else {
                diagnostics.append(.error(.yamlSyntax, context.map { "\(problem) (\($0))" } ?? problem, at: here))
            }
            throw Stop()
        }
        return event
    }

    private func count(_ nodes: Int, at here: SourceLocation) throws {
        expandedNodes += nodes
        if expandedNodes > limits.maxExpandedNodes {
            // Say which limit was hit: a large plain document is not an alias bomb.
            if aliasNodes == 0 {
                diagnostics.append(.error(
                    .sizeLimit,
                    "the document has more than \(limits.maxExpandedNodes) nodes (keys, values and list items), the limit for a strategy file",
                    at: here))
            } else {
                diagnostics.append(.error(
                    .aliasLimit,
                    "the document has more than \(limits.maxExpandedNodes) nodes once its aliases are expanded (\(aliasNodes) from aliases so far), the limit for a strategy file: an alias bomb?",
                    at: here))
            }
            throw Stop()
        }
    }

    private func register(anchor: UnsafeMutablePointer<yaml_char_t>?, _ node: SyntaxNode, size: Int) {
        if let name = string(anchor) { anchors[name] = (node, size) }
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: path, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// Line and column (in Unicode scalars) of a byte offset into the input.
    private func location(byteOffset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in input.prefix(max(0, byteOffset)) {
            if byte == 10 {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: path, line: line, column: column)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int? = nil) -> String? {
        guard let pointer else { return nil }
        let count = length ?? strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    private func style(_ style: yaml_scalar_style_t) -> Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
