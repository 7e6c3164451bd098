import Foundation

/// Which column of a file holds which field, from its header row: `--map` first, then the aliases of
/// the kind. Refuses, before any row is read, what would otherwise import quietly wrong: no header,
/// a `--map` header the file does not have, two columns for one field, a required field missing, or a
/// file that looks like another kind (a plans sheet imported as visits).
struct ImportColumns {
    struct Column {
        let index: Int
        let header: String
        let field: ImportField
        let unit: Int64
    }

    private(set) var columns: [Column] = []
    /// Headers that map to nothing and are left out.
    private(set) var skipped: [String] = []

    init(headers: [String], kind: ImportKind, mappings: [String: ImportField]) throws {
        let trimmed = headers.map { $0.trimmingWhitespace }
        let named = trimmed.filter { !$0.isEmpty }
        guard !named.isEmpty else {
            throw PlacemakingError.importHeaderProblem(
                zh: "檔案是空的，或第一列沒有欄名；第一列應是欄名，例如 \(ImportField.required(of: kind).map(\.label).joined(separator: ","))",
                en: "the file is empty or its first row has no headers; the first row names the columns, e.g. \(ImportField.required(of: kind).map(\.rawValue).joined(separator: ","))")
        }
        for header in mappings.keys where !trimmed.contains(header) && !trimmed.map(ImportField.key).contains(ImportField.key(header)) {
            throw PlacemakingError.importHeaderProblem(
                zh: "檔案沒有「\(EchoedText.shown(header))」欄（--map）；檔案的欄位：\(named.map { EchoedText.shown($0) }.joined(separator: "、"))",
                en: "the file has no column '\(EchoedText.shown(header))' (--map); its columns: \(named.map { EchoedText.shown($0) }.joined(separator: ", "))")
        }
        let fields = Set(ImportField.fields(of: kind))
        for (index, header) in trimmed.enumerated() where !header.isEmpty {
            if let mapped = mappings[header] ?? mappings.first(where: { ImportField.key($0.key) == ImportField.key(header) })?.value {
                columns.append(Column(index: index, header: header, field: mapped, unit: ImportField.match(header, kind: kind)?.unit ?? 1))
            } else if let found = ImportField.match(header, kind: kind), found.field == .ignored || fields.contains(found.field) {
                columns.append(Column(index: index, header: header, field: found.field, unit: found.unit))
            } else {
                skipped.append(header)
            }
        }
        for field in fields {
            let holders = columns.filter { $0.field == field }
            if holders.count > 1 {
                throw PlacemakingError.importHeaderProblem(
                    zh: "「\(holders.map(\.header).joined(separator: "」與「"))」都是「\(field.label)」；請刪去多的欄，或以 --map '欄名=ignore' 略過",
                    en: "'\(holders.map(\.header).joined(separator: "' and '"))' are all '\(field.rawValue)'; delete the extra column or skip it with --map 'HEADER=ignore'")
            }
        }
        for required in ImportField.required(of: kind) where !columns.contains(where: { $0.field == required }) {
            throw PlacemakingError.importMissingColumn(field: required.label, headers: named)
        }
        // More unknown headers than known ones: most likely a sheet of another kind, or the wrong sheet.
        let understood = columns.filter { $0.field != .ignored }
        if skipped.count > understood.count, mappings.isEmpty {
            throw PlacemakingError.importHeaderProblem(
                zh: "這個檔案看起來不是\(kind.label)：看得懂的欄位只有「\(understood.map(\.header).joined(separator: "、"))」，看不懂的有「\(skipped.joined(separator: "、"))」；"
                    + "請確認匯入種類（import plans、proposals、visits、subsidies、cases）與工作表（--sheet），或以 --map '欄名=欄位' 指定",
                en: "this file does not look like \(kind.rawValue): the columns understood are only '\(understood.map(\.header).joined(separator: ", "))', not understood '\(skipped.joined(separator: ", "))'; "
                    + "check the kind (import plans, proposals, visits, subsidies, cases) and the sheet (--sheet), or map columns with --map 'HEADER=FIELD'")
        }
    }
}
