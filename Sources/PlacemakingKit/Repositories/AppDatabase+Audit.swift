import Foundation
import GRDB

extension AppDatabase {
    /// The audit log, newest first: every change with who made it, when, and the row before and after.
    public func auditLog(table: String? = nil, id: Int64? = nil, limit: Int = 50) throws -> ResultTable {
        try read { db in
            var result = ResultTable(columns: [
                .init("id", "編號", "id"), .init("at", "時間", "at"), .init("actor", "修改者", "actor"),
                .init("action", "動作", "action"), .init("entity", "資料表", "table"), .init("entityId", "資料編號", "record id"),
                .init("before", "修改前", "before", nullIsUnknown: false), .init("after", "修改後", "after", nullIsUnknown: false),
            ])
            result.rows = try Row.fetchAll(db, sql: """
                SELECT id, at, actor, action, entity, entity_id, before, after FROM audit_log
                WHERE (:table IS NULL OR entity = :table) AND (:id IS NULL OR entity_id = :id)
                ORDER BY id DESC LIMIT :limit
                """, arguments: ["table": table, "id": id, "limit": limit]).map { row in
                [.integer(row["id"]), .text(row["at"]), .text(row["actor"]), .text(row["action"]), .text(row["entity"]),
                 .integer(row["entity_id"] as Int64?), .from(row["before"]), .from(row["after"])]
            }
            return result
        }
    }
}
