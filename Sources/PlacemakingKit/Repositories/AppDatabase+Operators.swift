import Foundation
import GRDB

/// What an operator may do (the `operator.role` column).
public enum OperatorRole: String, CaseIterable, Sendable {
    /// 研考會's staff: every record, decisions, agencies, operators; may act for an agency (`--as`).
    case staff
    /// A district office's or bureau's clerk: only its agency's records.
    case clerk
    /// Reads only.
    case viewer

    public var label: String {
        switch self {
        case .staff: "研考會人員"
        case .clerk: "機關承辦人"
        case .viewer: "查詢人員"
        }
    }

    /// `--role` as typed: the code or its Chinese label.
    public init?(text: String) {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let found = Self.allCases.first(where: { $0.rawValue == wanted || $0.label == wanted }) else { return nil }
        self = found
    }
}

/// What a login may do in one ledger, as the `operator` table says at the moment of asking.
public enum Standing: Equatable, Sendable {
    case staff
    case clerk(agency: Int64, name: String)
    case viewer
    /// Not an operator of this ledger: may read, not write.
    case unknown

    /// The clerk's agency, for messages.
    public var agencyName: String? {
        if case .clerk(_, let name) = self { return name }
        return nil
    }
}

extension Database {
    /// The standing of `login`: its operator row; with no operator at all (a ledger from before
    /// operators), the owner of the ledger's file is staff; otherwise unknown.
    func standing(of login: String, ledgerPath: String?) throws -> Standing {
        // Asked at the start of every write: the statement is prepared once per connection.
        if let row = try Row.fetchOne(cachedStatement(sql: """
            SELECT o.role, o.agency_id, a.name FROM operator o LEFT JOIN agency a ON a.id = o.agency_id WHERE o.login = ?
            """), arguments: [login]) {
            switch OperatorRole(rawValue: row[0] as String) {
            case .staff: return .staff
            case .viewer: return .viewer
            case .clerk:
                guard let agency: Int64 = row[1], let name: String = row[2] else { return .unknown }
                return .clerk(agency: agency, name: name)
            case nil: return .unknown
            }
        }
        if try Int.fetchOne(self, sql: "SELECT count(*) FROM operator") == 0, let ledgerPath,
           SystemIdentity.ownerLogin(path: ledgerPath) == login {
            return .staff
        }
        return .unknown
    }

    /// Enters the creator of a new ledger as its first operator, as staff, unless another process
    /// creating the same file at the same moment did so first.
    func enterCreator(_ login: String, at stamp: String) throws {
        try execute(sql: """
            INSERT INTO operator (login, role, agency_id, created_at, created_by)
            SELECT ?, 'staff', NULL, ?, ? WHERE NOT EXISTS (SELECT 1 FROM operator)
            """, arguments: [login, stamp, login])
        if changesCount > 0 { try writeOperatorAudit(action: "operator.creator", login: login, before: nil, actor: login, at: stamp) }
    }

    /// The audit entry of an operator change. Operators are keyed by login, not by id, so the entry has
    /// no record id; the login is in the rows before and after.
    func writeOperatorAudit(action: String, login: String, before: Row?, actor: String, at stamp: String) throws {
        let after = try Row.fetchOne(self, sql: "SELECT * FROM operator WHERE login = ?", arguments: [login])
        try execute(
            sql: "INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after) VALUES (?, ?, ?, 'operator', NULL, ?, ?)",
            arguments: [stamp, actor, action, before.map(JSONText.object), after.map(JSONText.object)])
    }
}

extension AppDatabase {
    /// What this login may do in this ledger now.
    public func standing() throws -> Standing {
        try read { db in try db.standing(of: login, ledgerPath: path) }
    }

    /// The operators, by role then login.
    public func operatorTable() throws -> ResultTable {
        try read { db in
            var table = ResultTable(columns: [
                .init("login", "帳號", "login"), .init("role", "角色", "role"), .init("agency", "機關", "agency", nullIsUnknown: false),
                .init("createdAt", "加入時間", "added at"), .init("createdBy", "加入者", "added by"),
            ])
            table.rows = try Row.fetchAll(db, sql: """
                SELECT o.login, o.role, a.name AS agency, o.created_at, o.created_by
                FROM operator o LEFT JOIN agency a ON a.id = o.agency_id
                ORDER BY CASE o.role WHEN 'staff' THEN 0 WHEN 'clerk' THEN 1 ELSE 2 END, a.sort_order, o.login
                """).map { row in
                let role: String = row["role"]
                return [.text(row["login"]), .code(role, label: OperatorRole(rawValue: role)?.label ?? role),
                        .from(row["agency"] as String?), .timestamp(row["created_at"]), .text(row["created_by"])]
            }
            return table
        }
    }

    /// Adds an operator (研考會's staff only). A clerk needs its agency; staff and viewers have none.
    public func addOperator(login newLogin: String, role: OperatorRole, agency: String?) throws {
        try write { db, change in
            try db.checkStaff(change)
            guard SystemIdentity.isPlausibleLogin(newLogin) else { throw PlacemakingError.invalidLogin(newLogin) }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM operator WHERE login = ?", arguments: [newLogin]) == nil else {
                throw PlacemakingError.operatorExists(newLogin)
            }
            let agencyID = try db.operatorAgency(role: role, agency: agency, login: newLogin)
            try db.execute(sql: "INSERT INTO operator (login, role, agency_id, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                           arguments: [newLogin, role.rawValue, agencyID, change.stamp, change.actor])
            try db.writeOperatorAudit(action: "operator.add", login: newLogin, before: nil, actor: change.actor, at: change.stamp)
        }
    }

    /// Changes an operator's role or agency (研考會's staff only). Leaving the clerk role drops the
    /// agency; becoming a clerk needs one. The last staff member cannot be demoted.
    public func editOperator(login target: String, role newRole: OperatorRole?, agency: String?) throws {
        try write { db, change in
            try db.checkStaff(change)
            guard let before = try Row.fetchOne(db, sql: "SELECT * FROM operator WHERE login = ?", arguments: [target]) else {
                throw PlacemakingError.noSuchOperator(target)
            }
            guard newRole != nil || agency != nil else { throw PlacemakingError.nothingToChange }
            let oldRole = OperatorRole(rawValue: before["role"] as String) ?? .viewer
            let role = newRole ?? oldRole
            let agencyID: Int64?
            if role == .clerk, agency == nil, let kept: Int64 = before["agency_id"] {
                agencyID = kept
            } else {
                agencyID = try db.operatorAgency(role: role, agency: agency, login: target)
            }
            if oldRole == .staff, role != .staff { try db.checkNotLastStaff(target) }
            guard role != oldRole || agencyID != before["agency_id"] else { throw PlacemakingError.nothingToChange }
            try db.execute(sql: "UPDATE operator SET role = ?, agency_id = ? WHERE login = ?", arguments: [role.rawValue, agencyID, target])
            try db.writeOperatorAudit(action: "operator.edit", login: target, before: before, actor: change.actor, at: change.stamp)
        }
    }

    /// Removes an operator (研考會's staff only); the login may still read. The last staff member stays.
    public func removeOperator(login target: String) throws {
        try write { db, change in
            try db.checkStaff(change)
            guard let before = try Row.fetchOne(db, sql: "SELECT * FROM operator WHERE login = ?", arguments: [target]) else {
                throw PlacemakingError.noSuchOperator(target)
            }
            if before["role"] as String == OperatorRole.staff.rawValue { try db.checkNotLastStaff(target) }
            try db.execute(sql: "DELETE FROM operator WHERE login = ?", arguments: [target])
            try db.writeOperatorAudit(action: "operator.remove", login: target, before: before, actor: change.actor, at: change.stamp)
        }
    }
}

extension Database {
    /// Refuses what only 研考會's staff do (the operator list), for clerks and for staff acting for an
    /// agency alike: the change would be logged as the agency's.
    func checkStaff(_ change: Change) throws {
        guard change.standing == .staff, change.scope == nil else {
            throw PlacemakingError.operatorsKeptByStaff(login: change.login)
        }
    }

    /// The agency id an operator of `role` gets: a clerk's named agency (a district office or a
    /// bureau), none for staff and viewers.
    func operatorAgency(role: OperatorRole, agency: String?, login: String) throws -> Int64? {
        switch (role, agency) {
        case (.clerk, nil): throw PlacemakingError.clerkNeedsAgency(login: login)
        case (.clerk, let name?): return try self.agency(named: name, kinds: [.district, .bureau]).id
        case (_, nil): return nil
        case (_, .some): throw PlacemakingError.agencyOnlyForClerks(role: role.rawValue)
        }
    }

    /// Someone must remain who can manage the operators.
    func checkNotLastStaff(_ login: String) throws {
        let others = try Int.fetchOne(self, sql: "SELECT count(*) FROM operator WHERE role = 'staff' AND login <> ?", arguments: [login]) ?? 0
        if others == 0 { throw PlacemakingError.lastStaff(login: login) }
    }
}
