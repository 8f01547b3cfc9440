import HedgeplanDiagnostics
import Testing
@testable import HedgeplanSyntax

/// A strategy saved by an editor that writes a UTF-8 byte order mark (EF BB BF) first. YAML
/// allows the mark; it used to be refused with "did not find expected <document start>" at
/// line 2, since libyaml counted it as line 1's first column and line 2's keys then looked
/// mis-indented.
struct ByteOrderMarkTests {
    private static let mark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private static func parse(_ bytes: [UInt8]) throws -> ParsedSource {
        let source = try SourceText.decode(bytes, path: "s.yaml").get()
        return SyntaxParser.parse(source)
    }

    @Test func aMarkedFileParsesWithAnEditorsColumns() throws {
        let parsed = try Self.parse(Self.mark + Array("hedgeplan: 1\nname: x\nmarket:\n  spot: 3000\n".utf8))
        #expect(parsed.diagnostics.isEmpty)
        let entries = try #require(parsed.root?.entries)
        #expect(entries.map { $0.key.scalar?.text } == ["hedgeplan", "name", "market"])
        // Line 1's key sits at column 1, as an editor shows it (the mark is not a column).
        #expect(entries.map { [$0.key.location.line, $0.key.location.column] } == [[1, 1], [2, 1], [3, 1]])
        #expect(entries[2].value.entries?.first?.key.location == SourceLocation(file: "s.yaml", line: 4, column: 3))
        #expect(parsed.source?.text.hasPrefix("hedgeplan") == true)
    }

    @Test func aMarkedFilesSyntaxErrorIsPlacedAsWithoutTheMark() throws {
        let marked = try Self.parse(Self.mark + Array("hedgeplan: 1\nname: [x\n".utf8))
        let plain = try Self.parse(Array("hedgeplan: 1\nname: [x\n".utf8))
        #expect(!marked.diagnostics.isEmpty)
        #expect(marked.diagnostics.map(\.location) == plain.diagnostics.map(\.location))
        #expect(marked.diagnostics.map(\.message) == plain.diagnostics.map(\.message))
    }

    /// A bad byte's offset is the file's (the mark counted), its column the editor's.
    @Test func aBadByteAfterTheMarkIsPlacedInTheFile() {
        let bytes = Self.mark + Array("hedgeplan: 1\nna".utf8) + [0xFF] + Array("me: x\n".utf8)
        guard case .failure(let diagnostic) = SourceText.decode(bytes, path: "s.yaml") else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(diagnostic.location == SourceLocation(file: "s.yaml", line: 2, column: 3))
        #expect(diagnostic.message.contains("offset 18"))
    }

    /// Only a leading mark is dropped; U+FEFF elsewhere is text like any other.
    @Test func aMarkInsideTheFileIsKept() throws {
        let parsed = try Self.parse(Array("hedgeplan: 1\nname: \"".utf8) + Self.mark + Array("x\"\n".utf8))
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.root?.entries?[1].value.scalar?.text == "\u{FEFF}x")
    }
}
