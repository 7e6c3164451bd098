import Foundation
import GRDB

/// The outcome of a corrected history date, for the message the user sees.
public struct HistoryFix: Sendable, Equatable {
    public let kind: RecordKind
    public let id: Int64
    public let entry: Int
    public let status: String
    public let from: ROCDate
    public let to: ROCDate
}

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
            try db.changeStatus(kind, id: id, to: status, on: date, note: note, amount: amount, change: change)
        }
    }

    /// Corrects the date of entry `entry` (1-based, as `history` numbers them) of a record's status
    /// history: for an office that dated a status wrongly, or a date that was only known as an upper
    /// bound (`on_or_before`, cleared now that the date is known). The history must stay in date order
    /// and the date not lie in the future. Audited as `history.fix` with the entry before and after;
    /// an award's date on the record (`awarded_on`) follows its entry.
    @discardableResult
    public func fixHistory(_ kind: RecordKind, id: Int64, entry: Int, on date: ROCDate) throws -> HistoryFix {
        try write { db, change in
            guard try db.snapshot(table: kind.table, id: id) != nil else {
                throw PlacemakingError.notFound(kind, table: kind.table, id: id)
            }
            try db.checkScope(table: kind.table, id: id, change: change)
            let entries = try db.historyEntries(kind, id: id)
            guard entries.indices.contains(entry - 1) else {
                throw PlacemakingError.noHistoryEntry(kind, id: id, entry: entry, count: entries.count)
            }
            let old = entries[entry - 1]
            try db.redateHistory(kind, id: id, entries: entries, index: entry - 1, to: date, change: change)
            return HistoryFix(kind: kind, id: id, entry: entry, status: old.status, from: old.date, to: date)
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
        try Row.fetchAll(cachedStatement(sql: "SELECT * FROM status WHERE entity = ? ORDER BY sort_order"), arguments: [kind.rawValue])
            .map(StatusDefinition.init(row:))
    }

    /// The status a user means, by its name (媒合成功) or its English name (matched).
    func statusDefinition(_ kind: RecordKind, named input: String, among vocabulary: [StatusDefinition]? = nil) throws -> StatusDefinition {
        let all = try vocabulary ?? statuses(kind)
        // Full-width brackets as ASCII; most names have none, and are left alone (an import asks once a row).
        let folded = { (s: String) in
            s.unicodeScalars.contains { $0 == "（" || $0 == "）" }
                ? s.replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")") : s
        }
        let wanted = folded(input.trimmingWhitespace)
        guard let found = all.first(where: { folded($0.name) == wanted })
                ?? all.first(where: { $0.nameEn.caseInsensitiveCompare(wanted) == .orderedSame }) else {
            throw PlacemakingError.unknownStatus(kind, input, known: all.map(\.name))
        }
        return found
    }

    func initialStatus(_ kind: RecordKind, among vocabulary: [StatusDefinition]? = nil) throws -> StatusDefinition {
        guard let initial = try (vocabulary ?? statuses(kind)).first(where: \.isInitial) else {
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

    /// A new status date may not be after today nor before the record's latest status date.
    func checkStatusDate(_ day: ROCDate, kind: RecordKind, id: Int64, change: Change) throws {
        try change.checkHappened(day, .status)
        let latest = try String.fetchOne(cachedStatement(sql: """
            SELECT max(effective_on) FROM status_history WHERE entity = ? AND entity_id = ?
            """), arguments: [kind.rawValue, id]).flatMap(ROCDate.init(iso:))
        if let latest, day < latest {
            throw PlacemakingError.statusDateOutOfOrder(date: day, notBefore: latest, notAfter: nil)
        }
    }

    func appendHistory(_ kind: RecordKind, id: Int64, status: String, on day: ROCDate, onOrBefore: Bool = false,
                       note: String?, change: Change) throws {
        try cachedStatement(sql: """
            INSERT INTO status_history (entity, entity_id, status, effective_on, on_or_before, note, recorded_at, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [kind.rawValue, id, status, day.iso, onOrBefore, note, change.stamp, change.actor])
    }

    /// Sets the first status of a new record: its kind's initial status, or `status` when the user enters
    /// a record that is already further along (a plan matched last year). Returns the status to store.
    /// A status that records a decision (matched, awarded) is 研考會's to enter.
    func startingStatus(_ kind: RecordKind, requested: String?, change: Change) throws -> String {
        try startingStatusDefinition(kind, requested: requested, change: change).name
    }

    func startingStatusDefinition(_ kind: RecordKind, requested: String?, change: Change) throws -> StatusDefinition {
        let vocabulary = try change.lookups.statuses(self, kind)
        let status = try requested.map { try statusDefinition(kind, named: $0, among: vocabulary) } ?? initialStatus(kind, among: vocabulary)
        try checkStatusDecision(kind, status, change: change)
        return status
    }

    func historyTable(_ kind: RecordKind, id: Int64) throws -> ResultTable {
        var table = ResultTable(columns: [
            .init("entry", "序", "entry"), .init("status", "狀態", "status"), .init("phase", "階段", "phase"), .init("effectiveOn", "生效日期", "effective on"),
            .init("onOrBefore", "日期為上限", "date is upper bound"), .init("note", "說明", "note", nullIsUnknown: false),
            .init("recordedBy", "登錄者", "recorded by"), .init("recordedAt", "登錄時間", "recorded at"),
        ])
        table.rows = try Row.fetchAll(self, sql: """
            SELECT h.status, s.phase, h.effective_on, h.on_or_before, h.note, h.recorded_by, h.recorded_at
            FROM status_history h JOIN status s ON s.entity = h.entity AND s.name = h.status
            WHERE h.entity = ? AND h.entity_id = ? ORDER BY h.effective_on, h.id
            """, arguments: [kind.rawValue, id]).enumerated().map { index, row in
            let phase: String = row["phase"]
            return [.integer(Int64(index + 1)), .text(row["status"]), .code(phase, label: Phase(rawValue: phase)?.label ?? phase),
                    .date(iso: row["effective_on"]), .bool(row["on_or_before"]), .from(row["note"]),
                    .text(row["recorded_by"]), .timestamp(row["recorded_at"])]
        }
        return table
    }
}

extension Database {
    /// Changes a record's status inside the caller's transaction: the transition table, the decision
    /// rule of an acting agency, the date (not in the future, not before the latest status), and the
    /// effects of the new status (`StatusEffect`), with the audit entry and the history entry.
    func changeStatus(_ kind: RecordKind, id: Int64, to status: String, on date: ROCDate?, note: String?,
                      amount: Money?, change: Change) throws -> StatusChange {
        guard let before = try snapshot(table: kind.table, id: id) else {
            throw PlacemakingError.notFound(kind, table: kind.table, id: id)
        }
        try checkScope(table: kind.table, id: id, change: change)
        let current: String = before["status"]
        let target = try statusDefinition(kind, named: status)
        try checkStatusDecision(kind, target, change: change)
        let allowed = try nextStatuses(kind, from: current)
        guard allowed.contains(target.name) else {
            throw PlacemakingError.transitionNotAllowed(kind, id: id, from: current, to: target.name, allowed: allowed)
        }
        let day = date ?? change.today
        try checkStatusDate(day, kind: kind, id: id, change: change)

        let assignments = try StatusEffect.of(kind, target).assignments(amount: amount, on: day, kind: kind, status: target.name)
        let setList = (["status = ?", "updated_at = ?"] + assignments.map { "\($0.column) = ?" }).joined(separator: ", ")
        var arguments: StatementArguments = [target.name, change.stamp]
        arguments += StatementArguments(assignments.map(\.value))
        arguments += [id]
        try execute(sql: "UPDATE \(kind.table) SET \(setList) WHERE id = ?", arguments: arguments)
        try writeAudit(action: "\(kind.rawValue).status", table: kind.table, id: id, before: before,
                       actor: change.actor, at: change.stamp)
        try appendHistory(kind, id: id, status: target.name, on: day, note: optionalText(note, field: "說明", as: .note), change: change)
        return StatusChange(kind: kind, id: id, from: current, to: target.name, on: day)
    }

    /// One entry of a status history, in the order `history` shows and numbers them.
    struct HistoryEntry {
        let rowId: Int64
        let status: String
        let date: ROCDate
        let onOrBefore: Bool
    }

    func historyEntries(_ kind: RecordKind, id: Int64) throws -> [HistoryEntry] {
        try Row.fetchAll(self, sql: """
            SELECT id, status, effective_on, on_or_before FROM status_history
            WHERE entity = ? AND entity_id = ? ORDER BY effective_on, id
            """, arguments: [kind.rawValue, id]).compactMap { row in
            guard let day = ROCDate(iso: row["effective_on"]) else { return nil }  // the schema keeps it a date
            return HistoryEntry(rowId: row["id"], status: row["status"], date: day, onOrBefore: row["on_or_before"])
        }
    }

    /// Moves `entries[index]` to `date` (exact now: `on_or_before` cleared), between its neighbours and
    /// not after today, audited as `history.fix`; a status that sets a date column on its record (an
    /// award's `awarded_on`) moves that too, audited as `KIND.correct`. Refuses a change that changes
    /// nothing.
    func redateHistory(_ kind: RecordKind, id: Int64, entries: [HistoryEntry], index: Int, to date: ROCDate,
                       note: String? = nil, change: Change) throws {
        let entry = entries[index]
        let status = try statusDefinition(kind, named: entry.status)
        try checkStatusDecision(kind, status, change: change)
        try change.checkHappened(date, .status)
        let notBefore = index > 0 ? entries[index - 1].date : nil
        let notAfter = index + 1 < entries.count ? entries[index + 1].date : nil
        if let notBefore, date < notBefore { throw PlacemakingError.statusDateOutOfOrder(date: date, notBefore: notBefore, notAfter: notAfter) }
        if let notAfter, date > notAfter { throw PlacemakingError.statusDateOutOfOrder(date: date, notBefore: notBefore, notAfter: notAfter) }
        guard date != entry.date || entry.onOrBefore || note != nil else { throw PlacemakingError.nothingToChange }

        let before = try snapshot(table: "status_history", id: entry.rowId)
        try execute(sql: "UPDATE status_history SET effective_on = ?, on_or_before = 0, note = coalesce(?, note) WHERE id = ?",
                    arguments: [date.iso, note, entry.rowId])
        try writeAudit(action: "history.fix", table: "status_history", id: entry.rowId, before: before,
                       actor: change.actor, at: change.stamp)

        if let column = StatusEffect.of(kind, status).dateColumn,
           let record = try snapshot(table: kind.table, id: id), (record[column] as String?) != date.iso {
            try execute(sql: "UPDATE \(kind.table) SET \(column) = ?, updated_at = ? WHERE id = ?", arguments: [date.iso, change.stamp, id])
            try writeAudit(action: "\(kind.rawValue).correct", table: kind.table, id: id, before: record,
                           actor: change.actor, at: change.stamp)
        }
    }
}
