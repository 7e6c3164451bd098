import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The elements of an XML document in document order, each with its attributes and own text, read
/// with Foundation's `XMLParser`: enough to check a workbook part, and a check that it is well-formed.
final class XMLTree: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        var depth: Int
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []
    private(set) var error: Error?

    /// Parses `data`; throws when it is not well-formed.
    init(_ data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, depth: open.count))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last { elements[current].text += string }
    }

    /// The elements named `name`.
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The elements inside the `index`th element, in order.
    func children(of index: Int) -> [Element] {
        let depth = elements[index].depth
        var result: [Element] = []
        for element in elements[(index + 1)...] {
            if element.depth <= depth { break }
            result.append(element)
        }
        return result
    }

    /// The indices of the elements named `name`.
    func indices(_ name: String) -> [Int] { elements.indices.filter { elements[$0].name == name } }
}
