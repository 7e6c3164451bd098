import Foundation
import GRDB

extension AppDatabase {
    /// Adds an event (workshop, talk …). `year` defaults to the year of the planned start, else this year.
    /// The first status is dated `statusOn`, else the planned start when it has come, else today.
    /// Events are 研考會's to record.
    @discardableResult
    public func addEvent(title: String, year: Int? = nil, kind: String? = nil, organiser: String? = nil, partner: String? = nil,
                         plannedFrom: ROCDate? = nil, plannedTo: ROCDate? = nil, heldOn: ROCDate? = nil, note: String? = nil,
                         status: String? = nil, statusOn: ROCDate? = nil) throws -> Int64 {
        try write { db, change in
            try db.checkDecision(.event, change: change)
            try Self.checkPeriod(plannedFrom, plannedTo)
            try change.checkHappened(heldOn, .held)
            var event = Event(
                year: year ?? plannedFrom?.rocYear ?? change.today.rocYear, title: try requireText(title, field: "活動名稱", as: .short),
                kind: try optionalText(kind, field: "類型", as: .short), organiserId: try organiser.map { try db.agencyID(named: $0, kinds: nil) },
                partnerId: try partner.map { try db.agencyID(named: $0, kinds: nil) },
                status: try db.startingStatus(.event, requested: status, change: change), plannedFrom: plannedFrom?.iso, plannedTo: plannedTo?.iso,
                note: try optionalText(note, field: "備註", as: .note), createdAt: change.stamp, updatedAt: change.stamp)
            event.heldOn = heldOn?.iso  // an event entered after it took place
            let id = try db.insertAudited(&event, action: "event.add", change: change)
            // A planned start that has come is the first status's date; a future one is not yet.
            let plannedStart = plannedFrom.flatMap { $0 <= change.today ? $0 : nil }
            try db.startHistory(.event, id: id, status: event.status, on: statusOn ?? plannedStart, change: change)
            return id
        }
    }

    /// Edits an event (a new planned period after a postponement, the day it was held …).
    public func editEvent(id: Int64, title: String? = nil, year: Int? = nil, kind: String? = nil, organiser: String? = nil,
                          partner: String? = nil, plannedFrom: ROCDate? = nil, plannedTo: ROCDate? = nil,
                          heldOn: ROCDate? = nil, note: String? = nil) throws {
        try write { db, change in
            try db.checkDecision(.event, change: change)
            try change.checkHappened(heldOn, .held)
            try db.editAudited(Event.self, id: id, kind: .event, action: "event.edit", change: change) { event, _ in
                if let title { event.title = try requireText(title, field: "活動名稱", as: .short) }
                if let year { event.year = year }
                if let kind { event.kind = try optionalText(kind, field: "類型", as: .short) }
                if let organiser { event.organiserId = try db.agencyID(named: organiser, kinds: nil) }
                if let partner { event.partnerId = try db.agencyID(named: partner, kinds: nil) }
                if let plannedFrom { event.plannedFrom = plannedFrom.iso }
                if let plannedTo { event.plannedTo = plannedTo.iso }
                if let heldOn { event.heldOn = heldOn.iso }
                if let note { event.note = try optionalText(note, field: "備註", as: .note) }
                try Self.checkPeriod(event.plannedFrom.flatMap(ROCDate.init(iso:)), event.plannedTo.flatMap(ROCDate.init(iso:)))
            }
        }
    }

    public func events(year: Int? = nil) throws -> ResultTable {
        try read { db in try db.collect(db.eventQuery(year: year)) }
    }

    public func eventDetail(id: Int64) throws -> RecordDetail {
        try detail(.event, table: "event", id: id) { try $0.collect($0.eventQuery(id: id)) }
    }

    static func checkPeriod(_ from: ROCDate?, _ to: ROCDate?) throws {
        if let from, let to, to < from {
            throw PlacemakingError.invalidValue(field: "預定期間", value: "\(from.roc)–\(to.roc)", hint: "結束日不可早於開始日")
        }
    }
}

extension Database {
    func eventQuery(year: Int? = nil, id: Int64? = nil) throws -> TableQuery {
        var conditions = QueryConditions()
        conditions.add("e.year = :year", "year", year)
        conditions.add("e.id = :id", "id", id)
        return TableQuery(columns: [
            .init("id", "編號", "id"), .init("year", "年度", "year"), .init("title", "活動名稱", "title"),
            .init("kind", "類型", "kind"), .init("organiser", "主辦", "organiser"), .init("partner", "合辦", "partner"),
            .init("status", "狀態", "status"), .init("phase", "階段", "phase"), .init("statusOn", "狀態日期", "status date"),
            .init("plannedFrom", "預定起", "planned from"), .init("plannedTo", "預定迄", "planned to"),
            .init("heldOn", "辦理日期", "held on", nullIsUnknown: false), .init("note", "備註", "note", nullIsUnknown: false),
        ], brief: ["id", "year", "title", "status", "statusOn", "plannedFrom"], sql: """
            SELECT e.id, e.year, e.title, e.kind, o.name AS organiser, p.name AS partner, e.status, s.phase,
                   h.effective_on AS status_on, h.on_or_before, e.planned_from, e.planned_to, e.held_on, e.note
            FROM event e LEFT JOIN agency o ON o.id = e.organiser_id LEFT JOIN agency p ON p.id = e.partner_id
            JOIN status s ON s.entity = 'event' AND s.name = e.status
            \(StatusAsOf.join(.event, record: "e.id"))
            \(conditions.sql)
            ORDER BY e.year, e.id
            """, arguments: conditions.arguments(with: ["asOf": StatusAsOf.current])) { row in
            [.integer(row["id"]), .integer(row["year"]), .text(row["title"]), .from(row["kind"]), .from(row["organiser"]),
             .from(row["partner"]), .text(row["status"]), AppDatabase.phaseCell(row["phase"]), AppDatabase.statusDateCell(row),
             .date(iso: row["planned_from"]), .date(iso: row["planned_to"]), .date(iso: row["held_on"]), .from(row["note"])]
        }
    }
}
