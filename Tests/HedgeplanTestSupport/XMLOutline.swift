import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Elements, attributes and text of an XML document (an SVG chart, an HTML report written
/// as XHTML), in document order, read with Foundation's `XMLParser`: an independent check
/// that what the writers produce is well formed.
public final class XMLOutline: NSObject, XMLParserDelegate {
    public private(set) var elements: [String] = []
    public private(set) var attributes: [[String: String]] = []
    public private(set) var texts: [String] = []
    private var buffer = ""

    /// Parses `xml`: the outline, or the parser's error when it is not well formed.
    public static func parse(_ xml: String) -> Result<XMLOutline, XMLOutlineError> {
        let parser = XMLParser(data: Data(xml.utf8))
        let outline = XMLOutline()
        parser.delegate = outline
        guard parser.parse() else { return .failure(XMLOutlineError(message: parser.parserError.map { "\($0)" } ?? "?")) }
        return .success(outline)
    }

    public func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                       qualifiedName: String?, attributes a: [String: String] = [:]) {
        elements.append(name)
        attributes.append(a)
        buffer = ""
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

    public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if !buffer.isEmpty { texts.append(buffer) }
        buffer = ""
    }
}

public struct XMLOutlineError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
