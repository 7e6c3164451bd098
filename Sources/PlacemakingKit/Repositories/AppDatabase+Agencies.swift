import Foundation
import GRDB

/// The kinds of agency, as stored in `agency.kind`.
public enum AgencyKind: String, CaseIterable, Sendable {
    case district, bureau, ministry, partner

    public var label: String {
        switch self {
        case .district: "區公所"
        case .bureau: "市府局處"
        case .ministry: "中央部會"
        case .partner: "合作單位"
        }
    }
}

extension AppDatabase {
    /// All agencies, or those of one kind, in listing order (districts by town code).
    public func agencies(kind: AgencyKind? = nil) throws -> [Agency] {
        try read { db in
            try Agency.fetchAll(db, sql: "SELECT * FROM agency WHERE ?1 IS NULL OR kind = ?1 ORDER BY sort_order, id",
                                arguments: [kind?.rawValue])
        }
    }

    /// The agency list as a table.
    public func agencyTable(kind: AgencyKind? = nil) throws -> ResultTable {
        var table = ResultTable(columns: [
            .init("id", "編號", "id"), .init("name", "名稱", "name"), .init("fullName", "全銜", "full name"),
            .init("kind", "類別", "kind"), .init("townCode", "區碼", "town code", nullIsUnknown: false),
        ])
        table.rows = try agencies(kind: kind).map { a in
            [.integer(a.id!), .text(a.name), .from(a.fullName),
             .code(a.kind, label: AgencyKind(rawValue: a.kind)?.label ?? a.kind), .from(a.townCode)]
        }
        return table
    }

    /// Resolves an agency name as users type it (see `Database.agency(named:kinds:)`).
    public func agency(named name: String) throws -> Agency {
        try read { db in try db.agency(named: name, kinds: nil) }
    }
}

extension Database {
    /// Finds the agency a user means: its short name (六龜區), its full name (高雄市六龜區公所), or a
    /// district without 區 (六龜); 臺 and 台 match each other. Otherwise a message with suggestions.
    func agency(named input: String, kinds: Set<AgencyKind>?) throws -> Agency {
        let wanted = Self.normalizedName(input)
        guard !wanted.isEmpty else { throw PlacemakingError.emptyValue(field: "機關") }
        let all = try Agency.fetchAll(self, sql: "SELECT * FROM agency ORDER BY sort_order, id")
        let match = all.first { Self.normalizedName($0.name) == wanted }
            ?? all.first { $0.fullName.map(Self.normalizedName) == wanted }
            ?? all.first { $0.kind == AgencyKind.district.rawValue && Self.normalizedName($0.name) == wanted + "區" }
        guard let match else {
            let suggestions = all.filter { a in
                let name = Self.normalizedName(a.name)
                return name.contains(wanted) || wanted.contains(name) || (wanted.count >= 2 && name.hasPrefix(String(wanted.prefix(1))) && Set(name).intersection(wanted).count >= 2)
            }.prefix(5).map(\.name)
            throw PlacemakingError.unknownAgency(input, suggestions: Array(suggestions))
        }
        if let kinds, let kind = AgencyKind(rawValue: match.kind), !kinds.contains(kind) {
            throw PlacemakingError.wrongAgencyKind(match.name, expected: kinds.map(\.label).sorted().joined(separator: "或"))
        }
        return match
    }

    static func normalizedName(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "臺", with: "台")
    }
}
