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
    /// Date fields known only as an upper bound (`111/06/30前`, `by 2022-06-30`).
    var onOrBefore: Set<ImportField> = []
    var amounts: [ImportField: Money] = [:]
    var year: Int?
    var round: Int?
    var planId: Int64?
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
            case .submitted, .statusOn, .visited:
                let (day, bound) = try Self.date(cell, text: text)
                dates[field] = day
                if bound { onOrBefore.insert(field) }
            case .budget, .subsidy, .amount: amounts[field] = try Self.money(cell, text: text, unit: unit)
            case .year: year = try ROCDate.parseYear(Self.wholeNumber(cell) ?? text)
            case .round, .plan:
                guard let number = Int64(Self.wholeNumber(cell) ?? text.applyingFullwidthDigitFolding()), number >= 1,
                      number <= (field == .round ? 99 : Int64(Int32.max)) else {
                    throw PlacemakingError.invalidValue(field: header, value: text, hint: field == .round
                        ? "請填 1 以上的整數次數，例如 2" : "請填計畫編號（plan list 的「編號」），例如 12")
                }
                if field == .round { round = Int(number) } else { planId = number }
            case .subsidized: subsidized = try Self.yesNo(cell, text: text)
            case .title, .method: texts[field] = try requireText(text, field: header, as: .short)
            case .note, .purpose: texts[field] = try optionalText(text, field: header, as: .note)
            case .agency, .status, .ministry, .partner, .programme: texts[field] = text
            case .ignored: break
            }
        } catch let error as PlacemakingError {
            problems.append(.init(row: row.number, column: header, message: error.message(language)))
        } catch {
            problems.append(.init(row: row.number, column: header, message: "\(error)"))
        }
    }

    /// Looks up the agencies, the status and the plan the row names, recording each one that is not
    /// on record against its column.
    mutating func checkReferences(_ db: Database, kind: ImportKind, change: Change) {
        func check(_ field: ImportField, _ lookup: () throws -> Void) {
            do { try lookup() } catch let error as PlacemakingError {
                problems.append(.init(row: row.number, column: headers[field] ?? "", message: error.message(language)))
            } catch {
                problems.append(.init(row: row.number, column: headers[field] ?? "", message: "\(error)"))
            }
        }
        if let agency = texts[.agency] { check(.agency) { _ = try change.lookups.agency(db, named: agency, kinds: [.district, .bureau]) } }
        if let partner = texts[.partner] { check(.partner) { _ = try change.lookups.agency(db, named: partner, kinds: nil) } }
        if let ministry = texts[.ministry] { check(.ministry) { _ = try change.lookups.agency(db, named: ministry, kinds: [.ministry]) } }
        if let status = texts[.status], let recordKind = kind.recordKind {
            check(.status) { _ = try db.statusDefinition(recordKind, named: status, among: change.lookups.statuses(db, recordKind)) }
        }
        if let planId { check(.plan) { _ = try db.require(Plan.self, id: planId, kind: .plan) } }
    }

    /// Records each required cell of a refused row that is empty, so that the row's every problem is
    /// listed at once (in a row that is otherwise good, an empty one may still match a record on file
    /// whose value is not known, and is only refused when the row is written).
    mutating func noteEmptyRequired(_ kind: ImportKind) {
        for field in ImportField.required(of: kind) where problems.allSatisfy({ $0.column != headers[field] }) {
            let empty = switch field {
            case .year: year == nil
            case .plan: planId == nil
            default: texts[field] == nil
            }
            if empty, let header = headers[field] {
                problems.append(.init(row: row.number, column: header, message: PlacemakingError.emptyValue(field: header).message(language)))
            }
        }
    }

    /// Whether the row is in the ledger already: imported from this file's row before, or the same
    /// record entered another way (its natural key: agency, title and date for a plan …). Two look-ups,
    /// each by its own index (0006), rather than one `OR` that SQLite would answer by scanning.
    func exists(_ db: Database, kind: ImportKind, document: String, section: String, change: Change) throws -> Bool {
        let table = kind.table
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE source_id = ? AND source_section = ?)"),
                             arguments: [document, section]) == true { return true }
        let agencyId = try texts[.agency].map { try change.lookups.agencyID(db, named: $0, kinds: [.district, .bureau]) }
        let (condition, arguments): (String, StatementArguments)
        switch kind {
        case .plans:
            (condition, arguments) = ("agency_id = ? AND title IS ? AND submitted_on IS ?", [agencyId, texts[.title], dates[.submitted]?.iso])
        case .proposals:
            (condition, arguments) = ("plan_id = ? AND title IS ? AND year IS ?", [planId, texts[.title], year ?? dates[.submitted]?.rocYear])
        case .visits:
            (condition, arguments) = ("agency_id = ? AND visited_on IS ? AND purpose IS ?", [agencyId, dates[.visited]?.iso, texts[.purpose]])
        case .subsidies:
            (condition, arguments) = ("""
                agency_id = ? AND title IS ? AND call_round_id IN (SELECT id FROM call_round WHERE year = ? AND (? IS NULL OR round = ?))
                """, [agencyId, texts[.title], year, round, round])
        case .cases:
            (condition, arguments) = ("year = ? AND title IS ? AND agency_id IS ?", [year, texts[.title], agencyId])
        }
        return try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE \(condition))"), arguments: arguments) ?? false
    }

    /// Writes the row's record with the same rules as the command that enters it by hand.
    func write(_ db: Database, kind: ImportKind, source: (id: String, section: String), change: Change) throws {
        let action = kind.auditAction
        switch kind {
        case .plans:
            try db.submitPlan(agency: texts[.agency] ?? "", title: texts[.title] ?? "", submittedOn: dates[.submitted],
                              budget: amounts[.budget], note: texts[.note], status: texts[.status], statusOn: dates[.statusOn],
                              statusOnOrBefore: onOrBefore.contains(.statusOn), source: source, action: action, change: change)
        case .proposals:
            guard let planId else { throw PlacemakingError.emptyValue(field: headers[.plan] ?? ImportField.plan.label) }
            try db.fileProposal(plan: planId, title: texts[.title] ?? "", year: year, submittedOn: dates[.submitted],
                                amount: amounts[.amount], ministry: texts[.ministry], note: texts[.note], status: texts[.status],
                                statusOn: dates[.statusOn], statusOnOrBefore: onOrBefore.contains(.statusOn),
                                source: source, action: action, change: change)
        case .visits:
            try db.recordVisit(agency: texts[.agency] ?? "", partner: texts[.partner], plan: planId, on: dates[.visited],
                               year: year, purpose: texts[.purpose], note: texts[.note], source: source, action: action, change: change)
        case .subsidies:
            guard let year else { throw PlacemakingError.emptyValue(field: headers[.year] ?? ImportField.year.label) }
            try db.applyForSubsidy(agency: texts[.agency] ?? "", title: texts[.title] ?? "", year: year, round: round,
                                   programme: texts[.programme], plan: planId, requested: amounts[.amount],
                                   submittedOn: dates[.submitted], note: texts[.note], status: texts[.status],
                                   statusOn: dates[.statusOn], statusOnOrBefore: onOrBefore.contains(.statusOn),
                                   source: source, action: action, change: change)
        case .cases:
            guard let year else { throw PlacemakingError.emptyValue(field: headers[.year] ?? ImportField.year.label) }
            try db.addCase(year: year, title: texts[.title] ?? "", agency: texts[.agency], method: texts[.method],
                           subsidized: subsidized, subsidy: amounts[.subsidy], note: texts[.note], status: texts[.status],
                           statusOn: dates[.statusOn], statusOnOrBefore: onOrBefore.contains(.statusOn),
                           source: source, action: action, change: change)
        }
    }

    /// Records a refusal met while writing, against the column it concerns.
    mutating func blame(_ error: PlacemakingError) {
        let field: ImportField?
        switch error {
        case .unknownAgency(let name, _), .wrongAgencyKind(let name, _):
            field = [ImportField.agency, .partner, .ministry].first { texts[$0] == name } ?? .agency
        case .outsideScope: field = headers[.plan] != nil && headers[.agency] == nil ? .plan : .agency
        case .notFound: field = .plan
        case .unknownStatus, .decisionKeptByRDEC, .transitionNotAllowed, .amountNotGranted: field = .status
        case .dateInFuture(let which, _, _):
            field = which == .submitted || which == .filed ? .submitted : which == .visited ? .visited : .statusOn
        case .statusDateOutOfOrder: field = .statusOn
        case .subsidyContradictsStatus: field = .subsidized
        case .emptyValue(let name): field = headers.first { $0.value == name }?.key ?? (name == "機關" ? .agency : nil)
        default: field = nil
        }
        problems.append(.init(row: row.number, column: field.flatMap { headers[$0] } ?? "", message: error.message(language)))
    }

    /// The cell's text, or nil for an empty or unknown (未詳) cell.
    static func known(_ cell: ImportCell) -> String? {
        var text = cell.text.trimmingWhitespace
        if text.isEmpty || text == "未詳" || text == "不詳" || text.utf8.count == 7 && text.lowercased() == "unknown" { return nil }
        // The formula guard `export` puts before text a spreadsheet would compute.
        if text.hasPrefix("'"), let second = text.unicodeScalars.dropFirst().first, "=+-@".unicodeScalars.contains(second) {
            text.removeFirst()
        }
        return text
    }

    /// A spreadsheet number cell that holds a whole number, as digits (`112.0` → `112`).
    static func wholeNumber(_ cell: ImportCell) -> String? {
        guard case .number(let n) = cell, let value = Double(n), value == value.rounded(), abs(value) < 1e15 else { return nil }
        return String(Int64(value))
    }

    /// A date cell, a spreadsheet serial number, or text in any typed form; `前`/`by` marks a date known
    /// only as an upper bound, as `export` writes one (true in the result).
    static func date(_ cell: ImportCell, text: String) throws -> (ROCDate, Bool) {
        switch cell {
        case .date(let day): return (day, false)
        case .dateBeforeROC(let written): throw Self.rocYearTakenForGregorian(written)
        case .number(let n):
            // Serial numbers before 1900 (negative): a ROC year the spreadsheet took for a Gregorian one.
            if let serial = Double(n), serial < 1, n.count != 7, n.count != 8 { throw rocYearTakenForGregorian(text) }
            if n.count != 7, n.count != 8, let day = Double(n).flatMap(SpreadsheetSerial.day) { return (day, false) }
            return (try ROCDate.parse(text), false)
        default:
            var typed = text
            var bound = false
            if typed.hasSuffix("前") { typed.removeLast(); bound = true }
            if typed.lowercased().hasPrefix("by ") { typed.removeFirst(3); bound = true }
            return (try ROCDate.parse(typed), bound)
        }
    }

    static func rocYearTakenForGregorian(_ written: String) -> PlacemakingError {
        PlacemakingError.invalidValue(field: "日期", value: written,
                                      hint: "試算表把民國年當成西元年（112/04/01 成了西元 112 年）；請在試算表中把日期改為文字（如 '112/04/01）或西元日期後再匯入")
    }

    /// An amount in 元; a bare number in a column whose header names 萬元, 千元 or 億元 is in that unit.
    static func money(_ cell: ImportCell, text: String, unit: Int64) throws -> Money {
        guard unit != 1 else { return try Money.parse(text) }
        let plain = text.replacingOccurrences(of: ",", with: "")
        guard plain.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }),
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
