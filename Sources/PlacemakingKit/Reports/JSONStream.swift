/// `JSONNode`'s layout written a piece at a time, so that a document whose arrays are longer than
/// memory should hold (a summary of a million plans) goes out as its records are read. `JSONNode`
/// lays itself out through this too, so a document written whole and one written in pieces are the
/// same bytes.
///
/// Objects and arrays put one member or item a line, indented two spaces a level; an empty one is
/// `{}` or `[]`. An item that is an object of scalars stays on its line (`{"id": 1, …}`).
struct JSONStream<Output: TextOutputStream> {
    private(set) var output: Output
    /// Members or items written so far in each open object or array, the innermost last.
    private var written: [Int] = []
    /// The level of the first container opened (a node written inside a larger document).
    private let baseLevel: Int

    init(output: Output, level: Int = 0) {
        self.output = output
        baseLevel = level
    }

    mutating func beginObject() { open("{") }
    mutating func endObject() { close("}") }

    /// An array of objects or arrays, one item a line. (An array of scalars goes on one line: write it
    /// as a `JSONNode`.)
    mutating func beginArray() { open("[") }
    mutating func endArray() { close("]") }

    /// Starts a member of the open object: its value is written next.
    mutating func key(_ name: String) {
        nextEntry()
        output.write(JSONText.string(name) + ": ")
    }

    mutating func member(_ name: String, _ value: JSONNode) {
        key(name)
        value.write(to: &self)
    }

    /// One item of the open array.
    mutating func item(_ value: JSONNode) {
        nextEntry()
        if let flat = value.flatObject { output.write(flat) } else { value.write(to: &self) }
    }

    /// Text written as it is: a scalar, or what follows the document.
    mutating func raw(_ text: String) { output.write(text) }

    private mutating func open(_ bracket: String) {
        output.write(bracket)
        written.append(0)
    }

    private mutating func close(_ bracket: String) {
        guard let count = written.popLast() else { return }
        output.write(count == 0 ? bracket : "\n" + Self.indent(baseLevel + written.count) + bracket)
    }

    private mutating func nextEntry() {
        guard let last = written.indices.last else { return }
        output.write(written[last] == 0 ? "\n" : ",\n")
        written[last] += 1
        output.write(Self.indent(baseLevel + written.count))
    }

    private static func indent(_ level: Int) -> String { String(repeating: "  ", count: level) }
}
