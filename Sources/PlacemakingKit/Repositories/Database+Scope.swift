import GRDB

extension Database {
    /// The agency a record belongs to: a plan's proposer (also for its matches and proposals), the agency
    /// of an application, a case or a visit, an event's organiser. Nil when not known.
    func owner(table: String, id: Int64) throws -> Int64? {
        let sql: String
        switch table {
        case "plan", "counseling_visit", "subsidy_application", "participation_case":
            sql = "SELECT agency_id FROM \(table) WHERE id = ?"
        case "plan_match", "business_proposal":
            sql = "SELECT plan.agency_id FROM \(table) JOIN plan ON plan.id = \(table).plan_id WHERE \(table).id = ?"
        case "event":
            sql = "SELECT organiser_id FROM event WHERE id = ?"
        default:
            return nil
        }
        return try Int64.fetchOne(self, sql: sql, arguments: [id])
    }

    /// Refuses a write to a record of another agency while the user acts for one agency.
    func checkScope(table: String, id: Int64, change: Change) throws {
        guard let scope = change.scope else { return }
        let owner = try owner(table: table, id: id)
        guard owner != scope else { return }
        let name = { (id: Int64?) in try id.flatMap { try String.fetchOne(self, sql: "SELECT name FROM agency WHERE id = ?", arguments: [$0]) } }
        throw PlacemakingError.outsideScope(acting: try name(scope) ?? "?", owner: try name(owner))
    }
}
