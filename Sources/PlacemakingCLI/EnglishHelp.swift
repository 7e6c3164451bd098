import Foundation
import PlacemakingKit

/// The English side of the command grammar's help. The grammar's own texts are written for Chinese
/// readers (some carry an English gloss after the Chinese, as in 「列出機關 list agencies」); English
/// help and forms take the gloss where there is one and otherwise the option's English description
/// here, keyed by the option's long name, which means the same thing in every command.
enum EnglishHelp {
    static let options: [String: String] = [
        "--agency": "agency (short or formal name: 六龜區, 高雄市六龜區公所)",
        "--alias": "another name, repeatable: --alias 海委會",
        "--amount": "amount (NT$): 500萬 or 5,000,000",
        "--as": "act for an agency",
        "--as-of": "as things stood on this day (111/06/30); default today",
        "--budget": "total budget (NT$): 5,000,000 or 500萬",
        "--columns": "only these columns, comma-separated: id,agency,budget",
        "--format": "output format: table, box, markdown, csv, json",
        "--from": "planned from (date)",
        "--full-name": "formal name: 高雄市六龜區公所",
        "--held": "date held",
        "--id": "record id",
        "--investment": "investment (NT$)",
        "--kind": "kind",
        "--limit": "at most this many entries",
        "--meeting": "meeting: 行政院地方創生會報第46次工作會議",
        "--method": "participation method: 參與式預算, 工作坊",
        "--ministry": "ministry: 經濟部, 文化部",
        "--name": "short name: 六龜區, 海洋局",
        "--note": "note",
        "--on": "date (111/06/30 or 2022-06-30; default today)",
        "--organiser": "organising agency",
        "--out": "write to this file instead of the screen",
        "--partner": "partner: 南區輔導中心",
        "--phase": "phase: draft, submitted, reviewing, approved, rejected, executing, closed, withdrawn",
        "--plan": "plan id",
        "--programme": "subsidy programme (may be left out when there is one)",
        "--purpose": "purpose",
        "--requested": "amount requested (NT$)",
        "--round": "call round number",
        "--status": "status (see: statuses ENTITY)",
        "--status-on": "date of that status",
        "--submitted": "date submitted",
        "--subsidized": "subsidized by the city: yes/no",
        "--subsidy": "subsidy (NT$)",
        "--table": "kind of record: plan, match, case … (or a table name)",
        "--title": "title",
        "--to": "planned to (date)",
        "--town-code": "town code (districts only): 64000320",
        "--wide": "show every column",
        "--year": "year (ROC, 111; or 2022)",
    ]

    /// The text of `text` for `language`: the Chinese part, or the English gloss after it.
    static func pick(_ text: String?, language: Language) -> String? {
        guard let text, language == .english else { return text }
        return gloss(text) ?? text
    }

    /// An option's description in `language`.
    static func describe(_ argument: CommandGrammar.Argument, language: Language) -> String {
        guard language == .english else { return argument.abstract ?? argument.spelled }
        if argument.kind == "positional" {
            return gloss(argument.abstract ?? "") ?? (argument.valueName == "id" ? "record id" : argument.valueName ?? "")
        }
        return options[argument.spelled] ?? gloss(argument.abstract ?? "") ?? argument.abstract ?? argument.spelled
    }

    /// `list agencies` from 「列出機關 list agencies」: the Latin text after the last CJK character.
    static func gloss(_ text: String) -> String? {
        guard let lastCJK = text.unicodeScalars.lastIndex(where: { $0.value >= 0x2E80 }) else { return text.isEmpty ? nil : text }
        let tail = String(text.unicodeScalars[text.unicodeScalars.index(after: lastCJK)...])
            .trimmingCharacters(in: CharacterSet(charactersIn: " （）()：:，,"))
        return tail.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) ? tail : nil
    }
}
