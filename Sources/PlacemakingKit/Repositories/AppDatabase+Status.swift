import Foundation
import GRDB

/// The outcome of a status change, for the message the user sees.
public struct StatusChange: Sendable, Equatable {
    public let kind: RecordKind
    public let id: Int64
    public let from: String
    public let to: String
    public let on: ROCDate
}

extension AppDatabase {
    /// Changes the status of a record on a date (today by default): refuses a status that is not in the
    /// kind's vocabulary, a change the transition table does not allow, and a date before the current
    /// status's date or after today. Writes the record, its status history and the audit log in one
    /// transaction.
    ///
    /// `amount` records the decision that comes with an approval: the awarded amount of a subsidy
    /// application, or the city's subsidy of a participation case.
    @discardableResult
    public func changeStatus(_ kind: RecordKind, id: Int64, to status: String, on date: ROCDate? = nil,
                             note: String? = nil, amount: Money? = nil) throws -> StatusChange {
        try write { db, change in
            guard let before = try db.snapshot(table: kind.table, id: id) else {
                throw PlacemakingError.notFound(kind, table: kind.table, id: id)
            }
            try db.checkScope(table: kind.table, id: id, change: change)
            let current: String = before["status"]
            let target = try db.statusDefinition(kind, named: status)
            let allowed = try db.nextStatuses(kind, from: current)
            guard allowed.contains(target.name) else {
                throw PlacemakingError.transitionNotAllowed(kind, id: id, from: current, to: target.name, allowed: allowed)
            }
            let day = date ?? change.today
            try db.checkStatusDate(day, kind: kind, id: id, today: change.today)

            var assignments: [(column: String, value: (any DatabaseValueConvertible)?)] = []
            if let amount {
                guard target.phase == Phase.approved.rawValue, kind == .subsidy || kind == .case else {
                    throw PlacemakingError.invalidValue(field: "--amount", value: amount.formatted,
                                                        hint: "金額只能在補助申請或公民參與案件改為核定狀態時填寫")
                }
                if kind == .subsidy { assignments = [("awarded_amount", amount.yuan), ("awarded_on", day.iso)] }
                else { assignments = [("subsidized", 1), ("subsidy_amount", amount.yuan)] }
            }
            let setList = (["status = ?", "updated_at = ?"] + assignments.map { "\($0.column) = ?" }).joined(separator: ", ")
            var arguments: StatementArguments = [target.name, change.stamp]
            arguments += StatementArguments(assignments.map(\.value))
            arguments += [id]
            try db.execute(sql: "UPDATE \(kind.table) SET \(setList) WHERE id = ?", arguments: arguments)
            try db.writeAudit(action: "\(kind.rawValue).status", table: kind.table, id: id, before: before,
                              actor: change.actor, at: change.stamp)
            try db.appendHistory(kind, id: id, status: target.name, on: day, note: optionalText(note, field: "說明", as: .note), change: change)
            return StatusChange(kind: kind, id: id, from: current, to: target.name, on: day)
        }
    }

    /// The vocabulary of a kind, in order.
    public func statuses(_ kind: RecordKind) throws -> [StatusDefinition] {
        try read { db in try db.statuses(kind) }
    }

    /// The statuses a record of `kind` may move to from `status`.
    public func nextStatuses(_ kind: RecordKind, from status: String) throws -> [String] {
        try read { db in try db.nextStatuses(kind, from: status) }
    }

    /// Every allowed change of a kind: for each status, the statuses it may move to, in vocabulary order.
    public func transitions(_ kind: RecordKind) throws -> [String: [String]] {
        try read { db in try db.transitions(kind) }
    }

    /// The status history of a record, oldest first.
    public func history(_ kind: RecordKind, id: Int64) throws -> ResultTable {
        try read { db in
            guard try db.snapshot(table: kind.table, id: id) != nil else {
                throw PlacemakingError.notFound(kind, table: kind.table, id: id)
            }
            return try db.historyTable(kind, id: id)
        }
    }
}

extension Database {
    func statuses(_ kind: RecordKind) throws -> [StatusDefinition] {
        try Row.fetchAll(self, sql: "SELECT * FROM status WHERE entity = ? ORDER BY sort_order", arguments: [kind.rawValue]).map(StatusDefinition.init(row:))
    }

    /// The status a user means, by its name (媒合成功) or its English name (matched).
    func statusDefinition(_ kind: RecordKind, named input: String) throws -> StatusDefinition {
        let wanted = input.trimmingCharacters(in: .whitespaces)
        let all = try statuses(kind)
        let folded = { (s: String) in s.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")") }
        guard let found = all.first(where: { folded($0.name) == folded(wanted) })
                ?? all.first(where: { $0.nameEn.caseInsensitiveCompare(wanted) == .orderedSame }) else {
            throw PlacemakingError.unknownStatus(kind, input, known: all.map(\.name))
        }
        return found
    }

    func initialStatus(_ kind: RecordKind) throws -> StatusDefinition {
        guard let initial = try statuses(kind).first(where: \.isInitial) else {
            throw DatabaseError(message: "the \(kind.rawValue) vocabulary has no initial status")
        }
        return initial
    }

    func nextStatuses(_ kind: RecordKind, from status: String) throws -> [String] {
        try String.fetchAll(self, sql: """
            SELECT t.to_status FROM status_transition t JOIN status s ON s.entity = t.entity AND s.name = t.to_status
            WHERE t.entity = ? AND t.from_status = ? ORDER BY s.sort_order
            """, arguments: [kind.rawValue, status])
    }

    func transitions(_ kind: RecordKind) throws -> [String: [String]] {
        var next: [String: [String]] = [:]
        for row in try Row.fetchAll(self, sql: """
            SELECT t.from_status, t.to_status FROM status_transition t JOIN status s ON s.entity = t.entity AND s.name = t.to_status
            WHERE t.entity = ? ORDER BY s.sort_order
            """, arguments: [kind.rawValue]) {
            next[row["from_status"], default: []].append(row["to_status"])
        }
        return next
    }

    /// A status date may not be after today nor before the record's latest status date.
    func checkStatusDate(_ day: ROCDate, kind: RecordKind, id: Int64, today: ROCDate) throws {
        if day > today {
            throw PlacemakingError.invalidValue(field: "日期", value: day.roc, hint: "狀態日期不可晚於今天（\(today.roc)）")
        }
        let latest = try String.fetchOne(self, sql: """
            SELECT max(effective_on) FROM status_history WHERE entity = ? AND entity_id = ?
            """, arguments: [kind.rawValue, id]).flatMap(ROCDate.init(iso:))
        if let latest, day < latest {
            throw PlacemakingError.invalidValue(field: "日期", value: day.roc,
                                                hint: "不可早於目前狀態的日期 \(latest.roc)；請用 \(latest.roc) 或之後的日期")
        }
    }

    func appendHistory(_ kind: RecordKind, id: Int64, status: String, on day: ROCDate, onOrBefore: Bool = false,
                       note: String?, change: Change) throws {
        try execute(sql: """
            INSERT INTO status_history (entity, entity_id, status, effective_on, on_or_before, note, recorded_at, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [kind.rawValue, id, status, day.iso, onOrBefore, note, change.stamp, change.actor])
    }

    /// Sets the first status of a new record: its kind's initial status, or `status` when the user enters
    /// a record that is already further along (a plan matched last year). Returns the status to store.
    func startingStatus(_ kind: RecordKind, requested: String?) throws -> String {
        guard let requested else { return try initialStatus(kind).name }
        return try statusDefinition(kind, named: requested).name
    }

    func historyTable(_ kind: RecordKind, id: Int64) throws -> ResultTable {
        var table = ResultTable(columns: [
            .init("status", "狀態", "status"), .init("phase", "階段", "phase"), .init("effectiveOn", "生效日期", "effective on"),
            .init("onOrBefore", "日期為上限", "date is upper bound"), .init("note", "說明", "note", nullIsUnknown: false),
            .init("recordedBy", "登錄者", "recorded by"), .init("recordedAt", "登錄時間", "recorded at"),
        ])
        table.rows = try Row.fetchAll(self, sql: """
            SELECT h.status, s.phase, h.effective_on, h.on_or_before, h.note, h.recorded_by, h.recorded_at
            FROM status_history h JOIN status s ON s.entity = h.entity AND s.name = h.status
            WHERE h.entity = ? AND h.entity_id = ? ORDER BY h.effective_on, h.id
            """, arguments: [kind.rawValue, id]).map { row in
            let phase: String = row["phase"]
            return [.text(row["status"]), .code(phase, label: Phase(rawValue: phase)?.label ?? phase),
                    .date(iso: row["effective_on"]), .bool(row["on_or_before"]), .from(row["note"]),
                    .text(row["recorded_by"]), .timestamp(row["recorded_at"])]
        }
        return table
    }
}
