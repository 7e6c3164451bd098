import Foundation
import GRDB

extension AppDatabase {
    /// The audit log, newest first: who changed what and when (Taiwan time), the action in words, and
    /// only the fields that changed, `舊值 → 新值`. The rows before and after stay whole in the
    /// `before` and `after` columns, which JSON and CSV carry and the screen leaves out.
    public func auditLog(table: LedgerTable?, id: Int64? = nil, limit: Int = 50, language: Language = .chinese) throws -> ResultTable {
        try auditLog(entity: table.map(AuditEntity.init), id: id, limit: limit, language: language)
    }

    public func auditLog(entity: AuditEntity? = nil, id: Int64? = nil, limit: Int = 50, language: Language = .chinese) throws -> ResultTable {
        try read { db in
            var result = ResultTable(columns: [
                .init("id", "編號", "id"), .init("at", "時間", "at"), .init("actor", "修改者", "actor"),
                .init("action", "動作", "action"), .init("entity", "資料", "record"), .init("entityId", "資料編號", "record id"),
                .init("changes", "變更內容", "changes", nullIsUnknown: false),
                .init("before", "修改前", "before", nullIsUnknown: false), .init("after", "修改後", "after", nullIsUnknown: false),
            ])
            result.brief = ["id", "at", "actor", "action", "entity", "entityId", "changes"]
            let describer = AuditDescriber(db: db, language: language)
            result.rows = try Row.fetchAll(db, sql: """
                SELECT id, at, actor, action, entity, entity_id, before, after FROM audit_log
                WHERE (:table IS NULL OR entity = :table) AND (:id IS NULL OR entity_id = :id)
                ORDER BY id DESC LIMIT :limit
                """, arguments: ["table": entity?.entity, "id": id, "limit": limit]).map { row in
                let entity: String = row["entity"]
                let action: String = row["action"]
                let before: String? = row["before"]
                let after: String? = row["after"]
                let known = AuditEntity(stored: entity)
                return [.integer(row["id"]), .timestamp(row["at"]), .text(row["actor"]),
                        .code(action, label: AuditDescriber.actionLabel(action, language: language)),
                        .code(entity, label: known.map { language.pick($0.label, $0.labelEnglish) } ?? entity),
                        .integer(row["entity_id"] as Int64?),
                        .text(try describer.changes(entity: entity, action: action, before: before, after: after)),
                        .from(before), .from(after)]
            }
            return result
        }
    }
}
