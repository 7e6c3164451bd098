import Foundation
import GRDB

extension AppDatabase {
    /// At most this many problems of one kind are listed; the rest are counted in one line.
    static let problemsListedPerKind = 100

    /// Whether the file is sound: SQLite's own integrity and foreign-key checks, then the ledger's
    /// rules that the schema cannot state: every record's status is the last of its history, history
    /// dates never go back in the order entries were recorded and each step is an allowed change
    /// (a history may start past the initial status: seeded and back-entered records do), amounts lie
    /// within 0 … 1 兆元, a case is subsidized exactly when its status says so, every record has the
    /// audit entry of its creation, and the seeded facts are as the seed scripts make them (or changed
    /// only through audited commands). Runs in one read transaction, with no time limit.
    public func check() throws -> [LedgerProblem] {
        let reference = try AppDatabase.inMemory(login: "check")
        let seeded = try reference.read { db in try Self.seededRows(db) }
        return try read { db in
            var problems: [LedgerProblem] = []
            var collector = ProblemCollector()
            func each(_ rows: RowCursor, _ make: (Row) -> LedgerProblem?) throws {
                while let row = try rows.next() {
                    if let problem = make(row) { collector.add(problem) }
                }
                problems += collector.flush()
            }
            try each(Row.fetchCursor(db, sql: "PRAGMA integrity_check(\(Self.problemsListedPerKind))")) { row in
                let line: String = row[0]
                return line == "ok" ? nil : .integrity(line)
            }
            try each(Row.fetchCursor(db, sql: "PRAGMA foreign_key_check")) { row in
                .foreignKey(table: row["table"], rowid: row["rowid"], parent: row["parent"])
            }
            for kind in RecordKind.allCases {
                try each(Row.fetchCursor(db, sql: """
                    SELECT id, status, last FROM (SELECT r.id, r.status, (SELECT h.status FROM status_history h
                        WHERE h.entity = ? AND h.entity_id = r.id ORDER BY h.effective_on DESC, h.id DESC LIMIT 1) AS last
                        FROM \(kind.table) r) WHERE last IS NOT status ORDER BY id
                    """, arguments: [kind.rawValue])) { row in
                    .statusNotLastInHistory(kind, id: row["id"], status: row["status"], last: row["last"])
                }
            }
            // Entry order is the order of recording (id): appends may not predate the latest status and
            // `history fix` keeps an entry between its neighbours, so dates never go back in it.
            for kind in RecordKind.allCases {
                try each(Row.fetchCursor(db, sql: """
                    SELECT entity_id, status, effective_on, previous, previous_on FROM (
                        SELECT entity_id, status, effective_on, lag(status) OVER w AS previous, lag(effective_on) OVER w AS previous_on
                        FROM status_history WHERE entity = ?1 WINDOW w AS (PARTITION BY entity_id ORDER BY id))
                    WHERE previous IS NOT NULL AND (effective_on < previous_on OR NOT EXISTS (SELECT 1 FROM status_transition t
                        WHERE t.entity = ?1 AND t.from_status = previous AND t.to_status = status))
                    ORDER BY entity_id
                    """, arguments: [kind.rawValue])) { row in
                    let id: Int64 = row["entity_id"], status: String = row["status"], date: String = row["effective_on"]
                    let previous: String = row["previous"], previousOn: String = row["previous_on"]
                    return date < previousOn
                        ? .historyDateDecreases(kind, id: id, status: status, date: date, previous: previousOn)
                        : .transitionNotAllowed(kind, id: id, from: previous, to: status, date: date)
                }
            }
            for (table, column) in Self.amountColumns {
                try each(Row.fetchCursor(db, sql: """
                    SELECT id, \(column) AS amount FROM \(table.table) WHERE \(column) NOT BETWEEN 0 AND 1000000000000 ORDER BY id
                    """)) { row in .amountOutOfRange(table, id: row["id"], column: column, value: row["amount"]) }
            }
            try each(Self.subsidizedContradictions(db)) { row in
                .subsidizedContradictsStatus(caseId: row["id"], status: row["status"], subsidized: row["subsidized"])
            }
            for table in Self.auditedTables {
                let exempt = (seeded[table.table] ?? [:]).keys.compactMap { Int64($0) }.sorted()
                try each(Row.fetchCursor(db, sql: """
                    SELECT id FROM \(table.table) r WHERE r.id NOT IN (SELECT value FROM json_each(?)) AND NOT EXISTS
                        (SELECT 1 FROM audit_log a WHERE a.entity = ? AND a.entity_id = r.id AND a.before IS NULL) ORDER BY id
                    """, arguments: ["[\(exempt.map(String.init).joined(separator: ","))]", table.table])) { row in
                    .noCreationAudit(table, id: row["id"])
                }
            }
            for problem in try Self.seedDifferences(db, seeded: seeded) { collector.add(problem) }
            problems += collector.flush()
            return problems
        }
    }

    /// Every money column of the ledger.
    static let amountColumns: [(LedgerTable, String)] = [
        (.plan, "budget"), (.planMatch, "subsidy_amount"), (.planMatch, "investment_amount"), (.proposal, "amount"),
        (.subsidy, "requested_amount"), (.subsidy, "awarded_amount"), (.participationCase, "subsidy_amount"),
    ]

    /// The tables whose every row the program inserts with an audit entry (before = NULL); rows the
    /// seed made are checked against the seed instead, since some were seeded without one.
    static let auditedTables: [LedgerTable] = [.plan, .planMatch, .proposal, .visit, .subsidy, .participationCase, .event,
                                               .callRound, .agency, .agencyName]

    /// Tables whose seeded rows must stay as seeded unless an audited command changed them.
    static let seededTables = ["source_document", "phase", "status", "status_transition", "agency", "agency_name",
                               "subsidy_programme", "call_round", "plan", "plan_match", "business_proposal", "counseling_visit",
                               "subsidy_application", "participation_case", "event", "status_history"]

    /// Columns that hold the moment of writing, which differs from one file to the next.
    static let momentColumns: Set<String> = ["created_at", "updated_at", "recorded_at"]

    /// The rows of a freshly seeded database, per table, by key (`id`, or the primary key's columns).
    static func seededRows(_ db: Database) throws -> [String: [String: Row]] {
        var result: [String: [String: Row]] = [:]
        for table in seededTables {
            let key = try primaryKey(db, table)
            var rows: [String: Row] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table)") {
                rows[key.map { keyText(row[$0]) }.joined(separator: " / ")] = row
            }
            result[table] = rows
        }
        return result
    }

    /// A key value as a message shows it: a number as it is, text without quotes.
    private static func keyText(_ value: DatabaseValue) -> String {
        if case let .string(text) = value.storage { return text }
        return "\(value)"
    }

    private static func primaryKey(_ db: Database, _ table: String) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", arguments: [table]).map { $0["name"] }
    }

    /// Seeded rows that are gone, or changed with no audit entry for them other than the seeding.
    static func seedDifferences(_ db: Database, seeded: [String: [String: Row]]) throws -> [LedgerProblem] {
        var problems: [LedgerProblem] = []
        for table in seededTables {
            let key = try primaryKey(db, table)
            let audited = key == ["id"]
            for (keyText, expected) in (seeded[table] ?? [:]).sorted(by: { $0.key.localizedStandardCompare($1.key) == .orderedAscending }) {
                let values = key.map { expected[$0] as DatabaseValue }
                let condition = key.map { "\($0) IS ?" }.joined(separator: " AND ")
                let shownKey = audited && Int64(keyText) != nil ? "#\(keyText)" : keyText
                guard let found = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE \(condition)", arguments: StatementArguments(values)) else {
                    problems.append(.seedRowMissing(table: table, key: shownKey))
                    continue
                }
                if audited, try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM audit_log WHERE entity = ? AND entity_id = ? AND action <> 'seed')
                    """, arguments: [table, values[0]]) == true { continue }
                for column in expected.columnNames where !momentColumns.contains(column) {
                    let want: DatabaseValue = expected[column], have: DatabaseValue = found[column]
                    if want != have {
                        problems.append(.seedRowChanged(table: table, key: shownKey, column: column,
                                                        expected: "\(want)", found: "\(have)"))
                    }
                }
            }
        }
        return problems
    }

    /// Cases whose `subsidized` differs from what their status implies (`StatusEffect`): the status's
    /// own effect, else that of the latest history entry that has one; cases where nothing says are
    /// the user's to set and not listed.
    private static func subsidizedContradictions(_ db: Database) throws -> RowCursor {
        let implied = try db.statuses(.case).compactMap { status in
            StatusEffect.of(.case, status).subsidized.map { (status.name, $0) }
        }
        let values = implied.map { _ in "(?, ?)" }.joined(separator: ", ")
        var arguments = StatementArguments()
        for (name, subsidized) in implied { arguments += [name, subsidized] }
        return try Row.fetchCursor(db, sql: """
            WITH implied(status, subsidized) AS (VALUES \(values.isEmpty ? "(NULL, NULL)" : values))
            SELECT id, status, subsidized FROM (
                SELECT c.id, c.status, c.subsidized, coalesce(
                    (SELECT i.subsidized FROM implied i WHERE i.status = c.status),
                    (SELECT i.subsidized FROM status_history h JOIN implied i ON i.status = h.status
                     WHERE h.entity = 'case' AND h.entity_id = c.id ORDER BY h.effective_on DESC, h.id DESC LIMIT 1)) AS expected
                FROM participation_case c)
            WHERE expected IS NOT NULL AND expected <> subsidized ORDER BY id
            """, arguments: arguments)
    }
}

/// Keeps the first problems of one kind and counts the rest, so a badly broken file gives a readable list.
private struct ProblemCollector {
    private var listed: [LedgerProblem] = []
    private var unlisted = 0

    mutating func add(_ problem: LedgerProblem) {
        if listed.count < AppDatabase.problemsListedPerKind { listed.append(problem) } else { unlisted += 1 }
    }

    /// The problems kept since the last flush, with a line for those not listed.
    mutating func flush() -> [LedgerProblem] {
        defer { listed = []; unlisted = 0 }
        return unlisted > 0 ? listed + [.more(count: unlisted)] : listed
    }
}
