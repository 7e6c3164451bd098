import ArgumentParser
import PlacemakingKit

/// `agency`: the agencies on record, and (for 研考會's staff) adding and renaming them.
struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency", abstract: "機關 agencies", subcommands: [List.self, Show.self, Add.self, Edit.self])

    /// `--kind` as typed: the code (district) or its label (區公所).
    static func kind(_ text: String) throws -> AgencyKind {
        guard let parsed = AgencyKind(rawValue: text) ?? AgencyKind.allCases.first(where: { $0.label == text }) else {
            throw PlacemakingError.invalidValue(field: "--kind", value: text, hint: "請輸入 district、bureau、ministry 或 partner")
        }
        return parsed
    }

    struct List: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出機關 list agencies",
            discussion: "例：agency list --kind district").parsedAlone
        @Option(parsing: .unconditional, help: "類別 district（區公所）, bureau（局處）, ministry（部會）, partner（合作單位）") var kind: String?
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            try context.show(try context.database.agencyTable(kind: kind.map(AgencyCommand.kind)), output)
        }
    }

    struct Show: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "顯示一個機關與其所有名稱 show an agency and its names",
            discussion: "例：agency show 農委會、agency show 51（農業部：簡稱、全銜、舊稱 農委會 使用至 112/07/31，及來源）").parsedAlone
        @Argument(help: "機關編號或名稱 id or name") var agency: String
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            let id = try Int64(agency) ?? context.database.agency(named: agency).id
            try context.show(try context.database.agencyDetail(id: id), output)
        }
    }

    struct Add: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增機關（限研考會）add an agency (RDEC staff only)",
            discussion: """
                名稱不分臺台、空白，不可與其他機關的任何名稱相同。區公所與局處的常見寫法（六龜區公所、六龜；都市發展局）自動加入。
                以某機關身分操作（--as、.as）時不能新增。
                例：agency add --name 中山大學 --full-name 國立中山大學 --kind partner --alias 中山
                例：agency add --name 某某區 --full-name 高雄市某某區公所 --kind district --town-code 64000390
                """).parsedAlone
        @Option(parsing: .unconditional, help: "簡稱，如 六龜區、海洋局、客委會") var name: String
        @Option(parsing: .unconditional, help: "全銜，如 高雄市六龜區公所、客家委員會") var fullName: String?
        @Option(parsing: .unconditional, help: "類別 district（區公所）, bureau（局處）, ministry（部會）, partner（合作單位）") var kind: String
        @Option(parsing: .unconditional, help: "區碼（僅區公所），如 64000320") var townCode: String?
        @Option(parsing: .unconditionalSingleValue, help: "別稱，可重複，如 --alias 海委會") var alias: [String] = []

        func run(in context: CommandContext) throws {
            let id = try context.database.addAgency(name: name, fullName: fullName, kind: AgencyCommand.kind(kind),
                                                    townCode: townCode, aliases: alias)
            context.reportAdded("機關", "agency", id: id)
        }
    }

    struct Edit: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "修改機關名稱（限研考會）rename an agency (RDEC staff only)",
            discussion: """
                改名時舊名保留為「舊稱」，使用至 --on 日期（預設今天）前一天，仍可輸入查得；只改臺台或空白則直接更正。
                例：agency edit 75 --name 新簡稱 --full-name 新全銜 --on 115/01/01（舊名使用至 114/12/31）
                例：agency edit 75 --alias 國立中山大學南區輔導中心（編號見 agency list）
                """).parsedAlone
        @Argument(help: "機關編號") var id: Int64
        @Option(name: .customLong("if-version"), help: "只在資料仍是此版本時寫入（show 的「版本」）；已被他人修改則拒絕 only if still at this version") var ifVersion: Int64?
        @Option(parsing: .unconditional, help: "新簡稱") var name: String?
        @Option(parsing: .unconditional, help: "新全銜") var fullName: String?
        @Option(parsing: .unconditional, help: "改名生效日期（預設今天）") var on: String?
        @Option(parsing: .unconditionalSingleValue, help: "加入別稱，可重複") var alias: [String] = []

        func run(in context: CommandContext) throws {
            try context.database(ifVersion: ifVersion, .agency, id: id).editAgency(id: id, name: name, fullName: fullName, on: Parse.date(on), aliases: alias)
            context.reportEdited("機關", "agency", id: id)
        }
    }
}
