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
    public func agencies(kind: AgencyKind? = nil) throws -> [AgencySummary] {
        try read { db in
            try Agency.fetchAll(db, sql: "SELECT * FROM agency WHERE ?1 IS NULL OR kind = ?1 ORDER BY sort_order, id",
                                arguments: [kind?.rawValue]).map(\.summary)
        }
    }

    /// The agency list as a table, with each agency's other names (abbreviations, then earlier names).
    public func agencyTable(kind: AgencyKind? = nil) throws -> ResultTable {
        try read { db in try db.collect(db.agencyQuery(kind: kind, id: nil)) }
    }

    /// One agency with every name it is known by, their dates and sources.
    public func agencyDetail(id: Int64) throws -> RecordDetail {
        try read { db in
            var record = try db.collect(db.agencyQuery(kind: nil, id: id))
            guard !record.rows.isEmpty else { throw PlacemakingError.notFound(nil, table: "agency", id: id) }
            record = record.appendingVersion(try db.version(of: .agency, id: id))
            var names = ResultTable(columns: [
                .init("id", "編號", "id"), .init("name", "名稱", "name"), .init("kind", "類別", "kind"),
                .init("validFrom", "啟用日", "from"), .init("validTo", "停用日", "until", nullIsUnknown: false),
                .init("source", "來源", "source", nullIsUnknown: false),
            ])
            names.rows = try AgencyName.fetchAll(db, sql: "SELECT * FROM agency_name WHERE agency_id = ? ORDER BY id", arguments: [id]).map { n in
                [.integer(n.id), .text(n.name), .code(n.kind, label: AgencyNameKind(rawValue: n.kind)?.label ?? n.kind),
                 .date(iso: n.validFrom), .date(iso: n.validTo), .from(n.sourceId)]
            }
            return RecordDetail(record: record, sections: [.init(key: "names", title: "名稱", titleEnglish: "names", table: names)])
        }
    }

    /// Resolves an agency name as users type it (see `Database.agency(named:kinds:)`).
    public func agency(named name: String) throws -> AgencySummary {
        try read { db in try db.agency(named: name, kinds: nil).summary }
    }

    /// The agency's name in force on `date` (an earlier name before a renaming: 農委會 in 111), or its
    /// present name when `date` is nil, so that a record shows the name it was made under.
    public func agencyName(id: Int64, on date: ROCDate?) throws -> String {
        try read { db in try db.agencyName(id: id, on: date?.iso) }
    }

    /// Adds an agency with its names: the short name, the formal name, the forms people write for a
    /// district or bureau (六龜區公所, 六龜; 都市發展局) and `aliases`. For 研考會's staff only.
    @discardableResult
    public func addAgency(name: String, fullName: String? = nil, kind: AgencyKind, townCode: String? = nil,
                          aliases: [String] = []) throws -> Int64 {
        try write { db, change in
            try db.refuseWhenScoped(change)
            let short = Database.cleanName(try requireText(name, field: "機關名稱", as: .short))
            let formal = try optionalText(fullName, field: "全銜", as: .short).map(Database.cleanName)
            let code = try optionalText(townCode, field: "區碼", as: .short)
            if let code, kind != .district || code.range(of: #"^64000\d\d0$"#, options: .regularExpression) == nil {
                throw PlacemakingError.invalidValue(field: "區碼 town code", value: code,
                                                    hint: "只有區公所有區碼，格式為 64000NN0，例如 64000320（六龜區）")
            }
            var names: [(String, AgencyNameKind)] = [(short, .short)]
            if let formal { names.append((formal, .formal)) }
            names += Database.derivedAliases(name: short, fullName: formal, kind: kind).map { ($0, .alias) }
            names += try aliases.compactMap { try optionalText($0, field: "別稱", as: .short) }.map { (Database.cleanName($0), .alias) }
            var seen: Set<String> = []
            names = names.filter { seen.insert(Database.nameKey($0.0)).inserted }  // 經濟部 is both short and formal
            for (text, _) in names { try db.refuseTakenName(text, for: nil) }

            let sortOrder = try Int.fetchOne(db, sql: "SELECT coalesce(max(sort_order), 0) + 1 FROM agency WHERE kind = ?",
                                             arguments: [kind.rawValue]) ?? 1
            var agency = Agency(name: short, fullName: formal, kind: kind.rawValue, townCode: code, isIndigenous: false,
                                sortOrder: sortOrder)
            let id = try db.insertAudited(&agency, action: "agency.add", change: change)
            for (text, nameKind) in names {
                var row = AgencyName(agencyId: id, name: text, kind: nameKind.rawValue)
                _ = try db.insertAudited(&row, action: "agency.name", change: change)
            }
            return id
        }
    }

    /// Renames an agency (short `name`, formal `fullName`) as of `date` (default today): the old name is
    /// kept as an earlier name valid until that day, so records made before it still find and show it.
    /// A change of 臺/台 or spacing only corrects the name in place. `aliases` are added. 研考會 only.
    public func editAgency(id: Int64, name: String? = nil, fullName: String? = nil, on date: ROCDate? = nil,
                           aliases: [String] = []) throws {
        try write { db, change in
            try db.refuseWhenScoped(change)
            var agency = try db.require(Agency.self, id: id, kind: nil)
            let original = agency
            let day = (date ?? change.today).iso
            if let name {
                let text = Database.cleanName(try requireText(name, field: "機關名稱", as: .short))
                try db.replaceName(of: id, kind: .short, current: agency.name, with: text, on: day, change: change)
                agency.name = text
            }
            if let fullName, let text = try optionalText(fullName, field: "全銜", as: .short).map(Database.cleanName) {
                try db.replaceName(of: id, kind: .formal, current: agency.fullName, with: text, on: day, change: change)
                agency.fullName = text
            }
            let added = try aliases.compactMap { try optionalText($0, field: "別稱", as: .short) }.map(Database.cleanName)
            for alias in added {
                try db.refuseTakenName(alias, for: nil)
                var row = AgencyName(agencyId: id, name: alias, kind: AgencyNameKind.alias.rawValue)
                _ = try db.insertAudited(&row, action: "agency.name", change: change)
            }
            guard agency != original || !added.isEmpty else { throw PlacemakingError.nothingToChange }
            if agency != original { try db.updateAudited(agency, action: "agency.edit", change: change) }
        }
    }

    /// Adds one more name to an agency: an abbreviation, or an earlier name with the day it ended
    /// (`validTo`, required for `.former`). Short and formal names change with `editAgency`. 研考會 only.
    @discardableResult
    public func addAgencyName(agency agencyId: Int64, name: String, kind: AgencyNameKind = .alias,
                              validFrom: ROCDate? = nil, validTo: ROCDate? = nil) throws -> Int64 {
        try write { db, change in
            try db.refuseWhenScoped(change)
            _ = try db.require(Agency.self, id: agencyId, kind: nil)
            guard kind == .alias || kind == .former else {
                throw PlacemakingError.invalidValue(field: "名稱類別 kind", value: kind.rawValue, hint: "簡稱與全銜請用 agency edit --name／--full-name 修改")
            }
            guard (kind == .former) == (validTo != nil) else {
                throw PlacemakingError.invalidValue(field: "停用日 valid to", value: validTo?.roc ?? "",
                                                    hint: "舊稱須有停用日（改名生效日），別稱則不可有")
            }
            if let validFrom, let validTo, validFrom >= validTo {
                throw PlacemakingError.invalidValue(field: "停用日 valid to", value: validTo.roc, hint: "停用日須晚於啟用日 \(validFrom.roc)")
            }
            let text = Database.cleanName(try requireText(name, field: "名稱", as: .short))
            try db.refuseTakenName(text, for: nil)
            var row = AgencyName(agencyId: agencyId, name: text, kind: kind.rawValue, validFrom: validFrom?.iso, validTo: validTo?.iso)
            return try db.insertAudited(&row, action: "agency.name", change: change)
        }
    }
}

extension Database {
    /// Finds the agency a user means by any of its names (agency_name): short (六龜區), formal
    /// (高雄市六龜區公所), other forms (六龜區公所, 六龜) and earlier names (農委會 → 農業部), ignoring spaces
    /// and 臺/台. A miss suggests similar names, from agencies of the expected `kinds` first.
    func agency(named input: String, kinds: Set<AgencyKind>?) throws -> Agency {
        let wanted = Self.nameKey(input)
        guard !wanted.isEmpty else { throw PlacemakingError.emptyValue(field: "機關") }
        // As typed, then without the city's prefix (高雄市六龜區 → 六龜區, 高雄市政府海洋局 → 海洋局).
        var found: Int64?
        for key in Self.candidateKeys(wanted) where found == nil {
            found = try Int64.fetchOne(cachedStatement(sql: "SELECT agency_id FROM agency_name WHERE \(Self.keySQL) = ?"), arguments: [key])
        }
        // The usual case, a known name, reads one agency (with statements prepared once per connection:
        // every add asks); every agency is read only for what follows.
        if let found, let agency = try Agency.fetchOne(cachedStatement(sql: "SELECT * FROM agency WHERE id = ?"), arguments: [found]) {
            return try Self.checked(agency, kinds: kinds)
        }
        let all = try Agency.fetchAll(self, sql: "SELECT * FROM agency ORDER BY sort_order, id")
        // Falls back to agency's own columns for a row added without names (by SQL outside the program).
        let match = all.first { Self.nameKey($0.name) == wanted || $0.fullName.map(Self.nameKey) == wanted }
        guard let match else {
            let names = Dictionary(grouping: try AgencyName.fetchAll(self), by: \.agencyId)
            let similar = { (a: Agency) in
                ([a.name] + (a.id.flatMap { names[$0] } ?? []).map(\.name)).contains { Self.looksLike(Self.nameKey($0), wanted) }
            }
            // Closest first: the longest run of characters shared with what was typed.
            let closeness = { (a: Agency) in ([a.name] + (a.id.flatMap { names[$0] } ?? []).map(\.name))
                .map { Self.sharedRun(Self.withoutCity(Self.nameKey($0)), Self.withoutCity(wanted)) }.max() ?? 0 }
            var suggestions = all.filter { a in kinds.map { $0.contains { $0.rawValue == a.kind } } ?? true }.filter(similar)
            if suggestions.isEmpty { suggestions = all.filter(similar) }
            suggestions = suggestions.enumerated().sorted { (closeness($0.element), -$0.offset) > (closeness($1.element), -$1.offset) }.map(\.element)
            if let best = suggestions.first.map(closeness), best >= 2 { suggestions = suggestions.filter { closeness($0) == best } }
            throw PlacemakingError.unknownAgency(input, suggestions: suggestions.prefix(5).map(\.name))
        }
        return try Self.checked(match, kinds: kinds)
    }

    /// `agency` when it is of one of `kinds` (any when nil), else the message that it is not.
    private static func checked(_ agency: Agency, kinds: Set<AgencyKind>?) throws -> Agency {
        if let kinds, let kind = AgencyKind(rawValue: agency.kind), !kinds.contains(kind) {
            throw PlacemakingError.wrongAgencyKind(agency.name, expected: kinds.map(\.label).sorted().joined(separator: "或"))
        }
        return agency
    }

    /// The name of agency `id` in force on the ISO date `iso`: the earliest-ending earlier name that
    /// covers the date, its short form first (農委會 before 行政院農業委員會); else its present name.
    func agencyName(id: Int64, on iso: String?) throws -> String {
        guard let agency = try Agency.fetchOne(self, key: id) else { throw PlacemakingError.notFound(nil, table: "agency", id: id) }
        guard let iso else { return agency.name }
        return try String.fetchOne(self, sql: """
            SELECT name FROM agency_name
            WHERE agency_id = ?1 AND kind = 'former' AND ?2 < valid_to AND (valid_from IS NULL OR valid_from <= ?2)
            ORDER BY valid_to, length(name), id LIMIT 1
            """, arguments: [id, iso]) ?? agency.name
    }

    func agencyQuery(kind: AgencyKind?, id: Int64?) throws -> TableQuery {
        return TableQuery(columns: [
            .init("id", "編號", "id"), .init("name", "名稱", "name"), .init("fullName", "全銜", "full name"),
            .init("kind", "類別", "kind"), .init("townCode", "區碼", "town code", nullIsUnknown: false),
            .init("aliases", "別稱與舊稱", "other names", nullIsUnknown: false),
        ], sql: """
            SELECT a.id, a.name, a.full_name, a.kind, a.town_code,
                   (SELECT group_concat(n.name, '、') FROM (SELECT name FROM agency_name
                     WHERE agency_id = a.id AND kind IN ('alias', 'former') ORDER BY kind, id) n) AS aliases
            FROM agency a
            WHERE (?1 IS NULL OR a.kind = ?1) AND (?2 IS NULL OR a.id = ?2)
            ORDER BY a.sort_order, a.id
            """, arguments: [kind?.rawValue, id]) { row in
            let kind: String = row["kind"]
            return [.integer(row["id"] as Int64?), .text(row["name"]), .from(row["full_name"]),
                    .code(kind, label: AgencyKind(rawValue: kind)?.label ?? kind), .from(row["town_code"]), .from(row["aliases"])]
        }
    }

    /// Refuses a change to the agency list while the user acts for one agency.
    func refuseWhenScoped(_ change: Change) throws {
        guard let scope = change.scope else { return }
        let acting = try String.fetchOne(self, sql: "SELECT name FROM agency WHERE id = ?", arguments: [scope]) ?? "?"
        throw PlacemakingError.agenciesKeptByRDEC(acting: acting)
    }

    /// The row holding `name` (spaces and 臺/台 aside), if any.
    func agencyNameRow(_ name: String) throws -> AgencyName? {
        try AgencyName.fetchOne(self, sql: "SELECT * FROM agency_name WHERE \(Self.keySQL) = ?", arguments: [Self.nameKey(name)])
    }

    /// Refuses `name` when it belongs to an agency other than `agencyId` (any agency when nil), with the
    /// owner's name, before the unique index would refuse it with a database error.
    func refuseTakenName(_ name: String, for agencyId: Int64?) throws {
        guard let row = try agencyNameRow(name), row.agencyId != agencyId else { return }
        let owner = try String.fetchOne(self, sql: "SELECT name FROM agency WHERE id = ?", arguments: [row.agencyId]) ?? "?"
        throw PlacemakingError.agencyNameTaken(name, owner: owner)
    }

    /// Replaces an agency's short or formal name. A new name retires the old one as `former` until `day`
    /// (or takes over the agency's own alias or earlier name of that spelling); a change of 臺/台 or spacing
    /// only corrects the stored spelling.
    func replaceName(of agencyId: Int64, kind: AgencyNameKind, current: String?, with text: String, on day: String,
                     change: Change) throws {
        let old = try AgencyName.fetchOne(self, sql: "SELECT * FROM agency_name WHERE agency_id = ? AND kind = ?",
                                          arguments: [agencyId, kind.rawValue])
        if let current, Self.nameKey(current) == Self.nameKey(text) {
            guard var old, old.name != text else { return }
            old.name = text
            try updateAudited(old, action: "agency.name", change: change)
            return
        }
        try refuseTakenName(text, for: agencyId)
        let same = try agencyNameRow(text)  // the agency's own alias, earlier name, or its other current name
        if kind == .formal, let same, same.kind == AgencyNameKind.short.rawValue {
            // The formal name becomes the short one (經濟部): it is listed once, as the short name.
            if var old { try retire(&old, on: day, change: change) }
            return
        }
        if var old { try retire(&old, on: day, change: change) }
        if var same {
            same.kind = kind.rawValue
            same.validFrom = day
            same.validTo = nil
            try updateAudited(same, action: "agency.name", change: change)
        } else {
            var row = AgencyName(agencyId: agencyId, name: text, kind: kind.rawValue, validFrom: day)
            _ = try insertAudited(&row, action: "agency.name", change: change)
        }
    }

    private func retire(_ row: inout AgencyName, on day: String, change: Change) throws {
        if let from = row.validFrom, from >= day {
            throw PlacemakingError.invalidValue(field: "改名日期 --on", value: ROCDate(iso: day)?.roc ?? day,
                                                hint: "須晚於「\(row.name)」的啟用日 \(ROCDate(iso: from)?.roc ?? from)")
        }
        row.kind = AgencyNameKind.former.rawValue
        row.validTo = day
        try updateAudited(row, action: "agency.name", change: change)
    }

    /// What makes two names the same: surrounding whitespace, inner half- and full-width spaces and the
    /// 臺/台 variant do not count. Must agree with `keySQL` and the index agency_name_key.
    static func nameKey(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
            .replacingOccurrences(of: "臺", with: "台")
    }

    /// `nameKey` in SQL, exactly the expression of the index agency_name_key so that lookups use it.
    static let keySQL = "replace(replace(replace(name, '臺', '台'), ' ', ''), '　', '')"

    /// Trimmed, 臺 read as 台: how other names (subsidy programmes) are matched.
    static func normalizedName(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "臺", with: "台")
    }

    /// A name as stored: without surrounding (also full-width) whitespace.
    static func cleanName(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The forms people write for a Kaohsiung district office or bureau, as migration 0002 derives them:
    /// 高雄市六龜區公所 → 六龜區公所, 六龜區 → 六龜; 高雄市政府都市發展局 → 都市發展局.
    static func derivedAliases(name: String, fullName: String?, kind: AgencyKind) -> [String] {
        var aliases: [String] = []
        switch kind {
        case .district:
            if let full = fullName, full.hasPrefix("高雄市"), full.hasSuffix("區公所") { aliases.append(String(full.dropFirst(3))) }
            if name.count > 1, name.hasSuffix("區") { aliases.append(String(name.dropLast())) }
        case .bureau:
            if let full = fullName, full.hasPrefix("高雄市政府"), full.count > 5, String(full.dropFirst(5)) != name {
                aliases.append(String(full.dropFirst(5)))
            }
        case .ministry, .partner:
            break
        }
        return aliases
    }

    /// Whether `name` is close enough to what was typed to suggest: one contains the other, or they
    /// start alike and share two characters (經齊部 → 經濟部, 六龜鄉 → 六龜區).
    /// What was typed, then without the city's prefix, as name keys to look up in turn.
    static func candidateKeys(_ wanted: String) -> [String] {
        var keys = [wanted]
        for prefix in ["高雄市政府", "高雄市"] where wanted.hasPrefix(prefix) && wanted.count > prefix.count {
            keys.append(String(wanted.dropFirst(prefix.count)))
        }
        return keys
    }

    /// A name without the city's prefix, which every district and bureau shares and so says nothing.
    static func withoutCity(_ key: String) -> String {
        for prefix in ["高雄市政府", "高雄市", "高雄"] where key.hasPrefix(prefix) && key.count > prefix.count {
            return String(key.dropFirst(prefix.count))
        }
        return key
    }

    /// The length of the longest run of characters two names share (六龜 in 高雄六龜 and 六龜區).
    static func sharedRun(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var best = 0
        for i in x.indices {
            for j in y.indices {
                var k = 0
                while i + k < x.count, j + k < y.count, x[i + k] == y[j + k] { k += 1 }
                best = max(best, k)
            }
        }
        return best
    }

    static func looksLike(_ name: String, _ wanted: String) -> Bool {
        (name.count >= 2 && (name.containsScalars(wanted) || wanted.containsScalars(name))) || sharedRun(withoutCity(name), withoutCity(wanted)) >= 2
            || (wanted.count >= 2 && name.first == wanted.first && Set(name).intersection(wanted).count >= 2)
    }
}

extension Database {
    /// The id of the agency a user means (see `agency(named:kinds:)`).
    func agencyID(named input: String, kinds: Set<AgencyKind>?) throws -> Int64 {
        try agency(named: input, kinds: kinds).storedID()
    }
}
