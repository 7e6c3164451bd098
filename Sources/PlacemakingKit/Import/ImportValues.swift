import Foundation
import GRDB

/// The values of one imported row, parsed with the rules of typed input, and every cell that failed.
/// Unknown (未詳) and empty cells are NULL.
struct ImportValues {
    let row: ImportRow
    let language: Language
    var problems: [ImportReport.Problem] = []
    var texts: [ImportField: String] = [:]
    var dates: [ImportField: ROCDate] = [:]
    var amounts: [ImportField: Money] = [:]
    var year: Int?
    var subsidized: Bool?
    /// The header each field came from, to point at the cell of a refusal found when writing.
    var headers: [ImportField: String] = [:]

    init(row: ImportRow, language: Language) {
        self.row = row
        self.language = language
    }

    mutating func set(_ field: ImportField, header: String, unit: Int64, cell: ImportCell) {
        headers[field] = header
        guard let text = Self.known(cell) else { return }
        do {
            switch field {
            case .submitted, .statusOn: dates[field] = try Self.date(cell, text: text)
            case .budget, .subsidy: amounts[field] = try Self.money(cell, text: text, unit: unit)
            case .year:
                if case .number(let n) = cell, let value = Int(n.hasSuffix(".0") ? String(n.dropLast(2)) : n) {
                    year = try ROCDate.parseYear(String(value))
                } else {
                    year = try ROCDate.parseYear(text)
                }
            case .subsidized: subsidized = try Self.yesNo(cell, text: text)
            case .title, .method: texts[field] = try requireText(text, field: header, as: .short)
            case .note: texts[field] = try optionalText(text, field: header, as: .note)
            case .agency, .status: texts[field] = text.trimmingCharacters(in: .whitespaces)
            case .ignored: break
            }
        } catch let error as PlacemakingError {
            problems.append(.init(row: row.number, column: header, message: error.message(language)))
        } catch {
            problems.append(.init(row: row.number, column: header, message: "\(error)"))
        }
    }

    /// Whether the row is in the ledger already: imported from this file's row before, or the same
    /// record entered another way.
    func exists(_ db: Database, kind: ImportKind, document: String, section: String) throws -> Bool {
        let agencyId = try texts[.agency].map { try db.agency(named: $0, kinds: [.district, .bureau]).id }
        switch kind {
        case .plans:
            return try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM plan WHERE (source_id = ? AND source_section = ?)
                    OR (agency_id = ? AND title IS ? AND submitted_on IS ?))
                """, arguments: [document, section, agencyId, texts[.title], dates[.submitted]?.iso]) ?? false
        case .cases:
            return try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM participation_case WHERE (source_id = ? AND source_section = ?)
                    OR (year = ? AND title IS ? AND agency_id IS ?))
                """, arguments: [document, section, year, texts[.title], agencyId]) ?? false
        }
    }

    func write(_ db: Database, kind: ImportKind, source: (id: String, section: String), change: Change) throws {
        switch kind {
        case .plans:
            try db.submitPlan(agency: texts[.agency] ?? "", title: texts[.title] ?? "", submittedOn: dates[.submitted],
                              budget: amounts[.budget], note: texts[.note], status: texts[.status], statusOn: dates[.statusOn],
                              source: source, action: "plan.import", change: change)
        case .cases:
            guard let year else { throw PlacemakingError.emptyValue(field: headers[.year] ?? "年度") }
            try db.addCase(year: year, title: texts[.title] ?? "", agency: texts[.agency], method: texts[.method],
                           subsidized: subsidized, subsidy: amounts[.subsidy], note: texts[.note], status: texts[.status],
                           statusOn: dates[.statusOn], source: source, action: "case.import", change: change)
        }
    }

    /// Records a refusal met while writing, against the column it concerns.
    mutating func blame(_ error: PlacemakingError) {
        let field: ImportField?
        switch error {
        case .unknownAgency, .wrongAgencyKind, .outsideScope: field = .agency
        case .unknownStatus, .decisionKeptByRDEC, .transitionNotAllowed, .amountNotGranted: field = .status
        case .dateInFuture(let which, _, _): field = which == .submitted ? .submitted : .statusOn
        case .statusDateOutOfOrder: field = .statusOn
        case .subsidyContradictsStatus: field = .subsidized
        case .emptyValue(let name): field = headers.first { $0.value == name }?.key ?? (name == "機關" ? .agency : nil)
        default: field = nil
        }
        problems.append(.init(row: row.number, column: field.flatMap { headers[$0] } ?? "", message: error.message(language)))
    }

    /// The cell's text, or nil for an empty or unknown (未詳) cell.
    static func known(_ cell: ImportCell) -> String? {
        var text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if ["", "未詳", "unknown", "不詳"].contains(text.lowercased()) { return nil }
        // The formula guard `export` puts before text a spreadsheet would compute.
        if text.hasPrefix("'"), let second = text.unicodeScalars.dropFirst().first, "=+-@".unicodeScalars.contains(second) {
            text.removeFirst()
        }
        return text
    }

    /// A date cell, a spreadsheet serial number, or text in any typed form; `前`/`by` of an upper-bound
    /// date as `export` writes it is dropped.
    static func date(_ cell: ImportCell, text: String) throws -> ROCDate {
        switch cell {
        case .date(let day): return day
        case .number(let n):
            if let serial = Double(n), serial >= 1, serial < 1_000_000, !(n.count == 7 || n.count == 8) {
                let days = Int(serial.rounded(.down)) - SpreadsheetSerial.epochOffset
                let civil = ROCDate.civilDate(daysSince1970: days)
                if let day = ROCDate(year: civil.year, month: civil.month, day: civil.day) { return day }
            }
            return try ROCDate.parse(text)
        default:
            var typed = text
            if typed.hasSuffix("前") { typed.removeLast() }
            if typed.lowercased().hasPrefix("by ") { typed.removeFirst(3) }
            return try ROCDate.parse(typed)
        }
    }

    /// An amount in 元; a bare number in a column whose header names 萬元, 千元 or 億元 is in that unit.
    static func money(_ cell: ImportCell, text: String, unit: Int64) throws -> Money {
        let plain = text.replacingOccurrences(of: ",", with: "")
        guard unit != 1, plain.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }),
              let number = Decimal(string: plain) else {
            return try Money.parse(text)
        }
        let yuan = number * Decimal(unit)
        var rounded = yuan, source = yuan
        NSDecimalRound(&rounded, &source, 0, .plain)
        guard rounded == yuan else { throw PlacemakingError.invalidMoney(text, reason: .fractionOfYuan) }
        guard yuan <= Decimal(1_000_000_000_000) else { throw PlacemakingError.invalidMoney(text, reason: .tooLarge) }
        return Money(yuan: NSDecimalNumber(decimal: yuan).int64Value)
    }

    static func yesNo(_ cell: ImportCell, text: String) throws -> Bool {
        if case .boolean(let value) = cell { return value }
        switch text.lowercased() {
        case "是", "y", "yes", "true", "1", "有", "v", "✓": return true
        case "否", "n", "no", "false", "0", "無": return false
        default: throw PlacemakingError.invalidValue(field: "市府補助", value: text, hint: "請填 是 或 否")
        }
    }
}
