import Foundation
import GRDB

extension AppDatabase {
    /// Adds a case of a year's citizen-participation plan (公民參與). Whether the city subsidizes it
    /// follows its status (`StatusEffect`): `subsidized` and `subsidy` may only say the same (a case
    /// entered at 核定補助), or set it where the status does not say (a case entered at 辦理中). The
    /// first status is dated `statusOn`, else today.
    @discardableResult
    public func addCase(year: Int, title: String, agency: String? = nil, method: String? = nil, subsidized: Bool? = nil,
                        subsidy: Money? = nil, note: String? = nil, status: String? = nil, statusOn: ROCDate? = nil) throws -> Int64 {
        try write { db, change in
            try db.addCase(year: year, title: title, agency: agency, method: method, subsidized: subsidized, subsidy: subsidy,
                           note: note, status: status, statusOn: statusOn, change: change)
        }
    }

    /// Edits a case; nil leaves a field as it is. Setting `subsidized` to false clears the amount. The
    /// flag may not contradict the status (核定補助 is subsidized, 自辦(不補助) is not): the status is
    /// changed instead. The subsidy is the city's decision, 研考會's to record.
    public func editCase(id: Int64, year: Int? = nil, title: String? = nil, agency: String? = nil, method: String? = nil,
                         subsidized: Bool? = nil, subsidy: Money? = nil, note: String? = nil) throws {
        try write { db, change in
            try db.editAudited(ParticipationCase.self, id: id, kind: .case, action: "case.edit", change: change) { record, original in
                if let year { record.year = year }
                if let title { record.title = try requireText(title, field: "案件名稱", as: .short) }
                if let agency { record.agencyId = try db.agencyID(named: agency, kinds: [.district, .bureau]) }
                if let method { record.method = try optionalText(method, field: "參與方式", as: .short) }
                if let subsidized { record.subsidized = subsidized; if !subsidized { record.subsidyAmount = nil } }
                if let subsidy {
                    guard subsidized != false else {
                        throw PlacemakingError.invalidValue(field: "補助金額", value: subsidy.formatted, hint: "未獲補助的案件不能有補助金額；請去掉 --subsidized no")
                    }
                    record.subsidized = true
                    record.subsidyAmount = subsidy.yuan
                }
                if let note { record.note = try optionalText(note, field: "備註", as: .note) }
                if record.subsidized != original.subsidized || record.subsidyAmount != original.subsidyAmount {
                    try db.checkScope(table: ParticipationCase.databaseTableName, id: id, change: change)
                    try db.checkDecision(.caseSubsidy, change: change)
                }
                if record.subsidized != original.subsidized,
                   let implied = try db.impliedSubsidized(caseId: id, status: try db.statusDefinition(.case, named: record.status)),
                   implied != record.subsidized {
                    throw PlacemakingError.subsidyContradictsStatus(status: record.status, subsidized: implied)
                }
            }
        }
    }

    public func cases(_ filter: CaseFilter = CaseFilter()) throws -> ResultTable {
        try read { db in try db.collect(db.caseQuery(filter)) }
    }

    public func caseDetail(id: Int64) throws -> RecordDetail {
        try detail(.case, table: "participation_case", id: id) { try $0.collect($0.caseQuery(CaseFilter(), id: id)) }
    }
}

extension Database {
    func caseQuery(_ filter: CaseFilter, id: Int64? = nil) throws -> TableQuery {
        let agencyId = try filter.agency.map { try agencyID(named: $0, kinds: nil) }
        var conditions = QueryConditions()
        conditions.add("c.year = :year", "year", filter.year)
        conditions.add("c.agency_id = :agency", "agency", agencyId)
        conditions.add("s.phase = :phase", "phase", filter.phase?.rawValue)
        conditions.add("c.subsidized = :subsidized", "subsidized", filter.subsidized)
        conditions.add("c.id = :id", "id", id)
        return TableQuery(columns: [
            .init("id", "編號", "id"), .init("year", "年度", "year"), .init("agency", "機關", "agency"),
            .init("title", "案件名稱", "title"), .init("method", "參與方式", "method"), .init("status", "狀態", "status"),
            .init("phase", "階段", "phase"), .init("subsidized", "市府補助", "subsidized"),
            .init("subsidyAmount", "補助金額(元)", "subsidy (NT$)"), .init("isPlaceholder", "僅知件數", "placeholder"),
            .init("note", "備註", "note", nullIsUnknown: false),
        ], brief: ["id", "year", "agency", "title", "status", "subsidized"], sql: """
            SELECT c.id, c.year, a.name AS agency, c.title, c.method, c.status, s.phase, c.subsidized, c.subsidy_amount,
                   c.is_placeholder, c.note
            FROM participation_case c LEFT JOIN agency a ON a.id = c.agency_id
            JOIN status s ON s.entity = 'case' AND s.name = c.status
            \(conditions.sql)
            ORDER BY c.year, c.id
            """, arguments: conditions.arguments(with: [:])) { row in
            [.integer(row["id"]), .integer(row["year"]), .from(row["agency"]), .text(row["title"]), .from(row["method"]),
             .text(row["status"]), AppDatabase.phaseCell(row["phase"]), .bool(row["subsidized"]), .money(row["subsidy_amount"]),
             .bool(row["is_placeholder"]), .from(row["note"])]
        }
    }
}

extension Database {
    /// `addCase` inside a transaction the caller holds, so that an import can add many cases in one;
    /// `source` is the provenance of a case that came from a file.
    @discardableResult
    func addCase(year: Int, title: String, agency: String? = nil, method: String? = nil, subsidized: Bool? = nil,
                 subsidy: Money? = nil, note: String? = nil, status: String? = nil, statusOn: ROCDate? = nil,
                 statusOnOrBefore: Bool = false,
                 source: (id: String, section: String)? = nil, action: String = "case.add", change: Change) throws -> Int64 {
        if let subsidy, subsidized == false {
            throw PlacemakingError.invalidValue(field: "補助金額", value: subsidy.formatted, hint: "未獲補助的案件不能有補助金額；請去掉 --subsidized no")
        }
        let start = try startingStatusDefinition(.case, requested: status, change: change)
        let implied = try impliedSubsidized(caseId: nil, status: start)
        let isSubsidized = subsidized ?? (subsidy != nil || implied == true)
        if let implied, implied != isSubsidized {
            throw PlacemakingError.subsidyContradictsStatus(status: start.name, subsidized: implied)
        }
        if isSubsidized { try checkDecision(.caseSubsidy, change: change) }
        var record = ParticipationCase(
            year: year, agencyId: try agency.map { try change.lookups.agencyID(self, named: $0, kinds: [.district, .bureau]) },
            title: try requireText(title, field: "案件名稱", as: .short), method: try optionalText(method, field: "參與方式", as: .short),
            status: start.name, subsidized: isSubsidized,
            subsidyAmount: subsidy?.yuan, isPlaceholder: false, note: try optionalText(note, field: "備註", as: .note),
            sourceId: source?.id, sourceSection: source?.section,
            createdAt: change.stamp, updatedAt: change.stamp)
        let id = try insertAudited(&record, action: action, change: change)
        try startHistory(.case, id: id, status: record.status, on: statusOn, onOrBefore: statusOnOrBefore, change: change)
        return id
    }
}
