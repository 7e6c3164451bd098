import GRDB

extension Database {
    /// The whole row of `table` with `id`, or nil. `table` is always one of ours, never user text.
    func snapshot(table: String, id: Int64) throws -> Row? {
        // Cached statements: every write runs these, an import once per row.
        try Row.fetchOne(try cachedStatement(sql: "SELECT * FROM \(table) WHERE id = ?"), arguments: [id])
    }

    /// Appends to the audit log: the row as it was (`before`) and as it is now, read back from the
    /// database so the log shows exactly what was stored.
    func writeAudit(action: String, table: String, id: Int64, before: Row?, actor: String, at stamp: String) throws {
        let after = try snapshot(table: table, id: id)
        try cachedStatement(sql: "INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [stamp, actor, action, table, id, before.map(JSONText.object), after.map(JSONText.object)])
    }
}
