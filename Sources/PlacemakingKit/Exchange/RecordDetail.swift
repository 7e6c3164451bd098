import Foundation

/// One record with its related lists (a plan with its matches, proposals and status history): what
/// `show` prints. JSON writes it as one object whose sections are arrays.
public struct RecordDetail: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public var key: String
        public var title: String
        public var titleEnglish: String
        public var table: ResultTable
    }

    /// A one-row table of the record's fields.
    public var record: ResultTable
    public var sections: [Section]
}

extension OutputFormat {
    /// Writes the record's fields, then each section under its title.
    public func writeDetail(_ detail: RecordDetail, to out: inout some TextOutputStream) {
        guard style != .json else {
            var fields = detail.record.rows.first.map { JSONWriter().object(detail.record.columns, $0) } ?? "{}"
            fields.removeLast()
            for section in detail.sections {
                var items = ""
                JSONWriter().write(section.table, to: &items)
                fields += ", \(JSONText.string(section.key)): " + items.trimmingCharacters(in: .newlines)
            }
            out.write(fields + "}\n")
            return
        }
        writeRecord(detail.record, to: &out)
        for section in detail.sections {
            out.write("\n" + language.pick("【\(section.title)】", "[\(section.titleEnglish)]") + "\n")
            if section.table.rows.isEmpty { out.write(language.pick("（無）", "(none)") + "\n") } else { write(section.table, to: &out) }
        }
    }
}
