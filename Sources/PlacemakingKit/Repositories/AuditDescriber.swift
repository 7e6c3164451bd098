import Foundation
import GRDB

/// Turns an audit entry's rows before and after into what a person reads: the fields that changed, by
/// their Chinese names, with dates in the ROC calendar, amounts in 元 and agencies by name.
struct AuditDescriber {
    let db: Database
    let language: Language

    /// Bookkeeping columns that change with every edit and say nothing.
    static let silent: Set<String> = ["id", "created_at", "updated_at", "version"]

    func changes(entity: String, action: String, before: String?, after: String?) throws -> String {
        let old = Self.object(before), new = Self.object(after)
        if entity == "ledger", let new {
            // A restore: the backup it came from, and where the replaced ledger is kept.
            return Self.restoreFields.compactMap { key, zh, en in
                new[key].map { "\(language.pick(zh, en))：\($0)" }
            }.joined(separator: "\n")
        }
        let columns = try columnOrder(entity)
        if old == nil, let new {
            // A new record: what it is (not its long notes and provenance), in column order.
            let quiet: Set<String> = ["note", "source_id", "source_section", "is_placeholder"]
            let fields = columns.filter { !Self.silent.contains($0) && !quiet.contains($0) && !(new[$0] is NSNull) && new[$0] != nil }
            return try fields.map { "\(label($0))：\(try value($0, new[$0]))" }.joined(separator: "\n")
        }
        if let old, new == nil {
            // A removal (an operator): what was removed.
            let fields = columns.filter { !Self.silent.contains($0) && !(old[$0] is NSNull) && old[$0] != nil }
            return try fields.map { "\(label($0))：\(try value($0, old[$0]))" }.joined(separator: "\n")
        }
        guard let old, let new else { return "" }
        let changed = columns.filter { !Self.silent.contains($0) && !Self.same(old[$0], new[$0]) }
        return try changed.map { "\(label($0))：\(try value($0, old[$0])) → \(try value($0, new[$0]))" }.joined(separator: "\n")
    }

    static func actionLabel(_ action: String, language: Language) -> String {
        let verb = action.split(separator: ".").last.map(String.init) ?? action
        switch verb {
        case "seed": return language.pick("種子資料", "seeded")
        case "add", "submit", "record", "file", "apply": return language.pick("新增", "added")
        case "import": return language.pick("匯入", "imported")
        case "edit": return language.pick("修改", "edited")
        case "status": return language.pick("變更狀態", "status changed")
        case "award": return language.pick("核定補助", "awarded")
        case "correct": return language.pick("更正", "corrected")
        case "fix": return language.pick("更正狀態日期", "status date corrected")
        case "rename": return language.pick("更名", "renamed")
        case "creator": return language.pick("建立資料庫（研考會人員）", "created the ledger (staff)")
        case "remove": return language.pick("移除", "removed")
        case "restore": return language.pick("從備份還原", "restored from a backup")
        default: return action
        }
    }

    // MARK: - Fields

    /// The fields of a restore's entry (`ledger.restore`), in the order shown.
    static let restoreFields: [(key: String, zh: String, en: String)] = [
        ("file", "備份檔", "backup file"), ("sha256", "SHA-256", "SHA-256"), ("bytes", "大小（位元組）", "size (bytes)"),
        ("kept_as", "原資料庫保留為", "replaced ledger kept as"),
    ]

    private static let labels: [String: (String, String)] = [
        "agency_id": ("機關", "agency"), "ministry_id": ("部會", "ministry"), "partner_id": ("同行／合辦單位", "partner"),
        "organiser_id": ("主辦", "organiser"), "plan_id": ("計畫編號", "plan"), "title": ("名稱", "title"),
        "status": ("狀態", "status"), "submitted_on": ("提報日期", "submitted on"), "budget": ("預算(元)", "budget"),
        "note": ("備註", "note"), "year": ("年度", "year"), "method": ("參與方式", "method"),
        "subsidized": ("市府補助", "subsidized"), "subsidy_amount": ("補助金額(元)", "subsidy"),
        "investment_amount": ("投資金額(元)", "investment"), "meeting": ("會議", "meeting"), "matched_on": ("媒合日期", "matched on"),
        "visited_on": ("輔導日期", "visited on"), "purpose": ("事由", "purpose"), "requested_amount": ("申請金額(元)", "requested"),
        "awarded_amount": ("核定金額(元)", "awarded"), "awarded_on": ("核定日期", "awarded on"), "call_round_id": ("徵案梯次", "call round"),
        "kind": ("類型", "kind"), "planned_from": ("預定起", "planned from"), "planned_to": ("預定迄", "planned to"),
        "held_on": ("辦理日期", "held on"), "amount": ("金額(元)", "amount"), "name": ("名稱", "name"),
        "full_name": ("全銜", "full name"), "effective_on": ("生效日期", "effective on"), "on_or_before": ("日期為上限", "date is upper bound"), "is_placeholder": ("僅知件數", "placeholder"),
        "login": ("帳號", "login"), "role": ("角色", "role"), "created_by": ("加入者", "added by"),
        "source_id": ("資料來源", "source"), "source_section": ("來源章節", "source section"),
    ]

    private func label(_ column: String) -> String {
        Self.labels[column].map { language.pick($0.0, $0.1) } ?? column
    }

    private func value(_ column: String, _ raw: Any?) throws -> String {
        guard let raw, !(raw is NSNull) else { return language.pick("（空白）", "(blank)") }
        if let number = raw as? NSNumber, !(raw is String) {
            let integer = number.int64Value
            let agencyColumns: Set<String> = ["agency_id", "ministry_id", "partner_id", "organiser_id", "administrator_id"]
            if agencyColumns.contains(column),
               let name = try String.fetchOne(db, sql: "SELECT name FROM agency WHERE id = ?", arguments: [integer]) {
                return name
            }
            if column.hasSuffix("amount") || column == "budget" { return Money(yuan: integer).formatted }
            if ["subsidized", "is_placeholder", "on_or_before"].contains(column) { return integer != 0 ? language.pick("是", "yes") : language.pick("否", "no") }
            return String(integer)
        }
        let text = "\(raw)"
        if column.hasSuffix("_on") || column.hasPrefix("planned_"), let day = ROCDate(iso: text) { return day.roc }
        return text.count > 60 ? String(text.prefix(59)) + "…" : text
    }

    private func columnOrder(_ table: String) throws -> [String] {
        guard LedgerTable(rawValue: table) != nil || table == "operator" else { return [] }
        return try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]).map { $0["name"] }
    }

    private static func object(_ json: String?) -> [String: Any]? {
        guard let json, let data = json.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    private static func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a as NSObject, b as NSObject): return a.isEqual(b)
        default: return false
        }
    }
}
