import ArgumentParser
import PlacemakingKit

/// `event`: workshops, talks and other events.
struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event", abstract: "活動（工作坊、講座）events",
        subcommands: [List.self, Show.self, Add.self, Edit.self, Status.self])

    struct List: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "列出活動 list events").parsedAlone
        @Option(parsing: .unconditional, help: "年度（民國年）") var year: String?
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            try context.list(.event, ListFilter(year: Parse.year(year)), output)
        }
    }

    struct Show: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "顯示一筆活動 show an event").parsedAlone
        @Argument(help: "活動編號") var id: Int64
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            try context.show(try context.database.eventDetail(id: id), output)
        }
    }

    struct Add: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "新增活動 add an event",
            discussion: "例：event add --title \"地方創生工作坊\" --kind 工作坊 --organiser 研考會 --partner 人發中心 --from 111/09/01 --to 111/09/30").parsedAlone
        @Option(parsing: .unconditional, help: "活動名稱") var title: String
        @Option(parsing: .unconditional, help: "年度（預設為預定開始日的年度）") var year: String?
        @Option(parsing: .unconditional, help: "類型，如 工作坊") var kind: String?
        @Option(parsing: .unconditional, help: "主辦機關") var organiser: String?
        @Option(parsing: .unconditional, help: "合辦機關") var partner: String?
        @Option(parsing: .unconditional, help: "預定期間起") var from: String?
        @Option(parsing: .unconditional, help: "預定期間迄") var to: String?
        @Option(parsing: .unconditional, help: "備註") var note: String?
        @Option(parsing: .unconditional, help: "目前狀態（預設 規劃中）") var status: String?
        @Option(parsing: .unconditional, help: "辦理日期（已舉辦的活動）") var held: String?
        @Option(name: [.customLong("on"), .customLong("status-on")], parsing: .unconditional, help: "目前狀態的生效日期（預設為已到的預定開始日，否則今天；亦可寫 --status-on）") var statusOn: String?

        func run(in context: CommandContext) throws {
            let id = try context.database.addEvent(
                title: title, year: Parse.year(year), kind: kind, organiser: organiser, partner: partner,
                plannedFrom: Parse.date(from), plannedTo: Parse.date(to), heldOn: Parse.date(held), note: note, status: status,
                statusOn: Parse.date(statusOn))
            context.reportAdded("活動", "event", id: id)
        }
    }

    struct Edit: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "修改活動 edit an event",
            discussion: "例：event edit 1 --from 111/10/01 --to 111/10/31").parsedAlone
        @Argument(help: "活動編號") var id: Int64
        @Option(name: .customLong("if-version"), help: "只在資料仍是此版本時寫入（show 的「版本」）；已被他人修改則拒絕 only if still at this version") var ifVersion: Int64?
        @Option(parsing: .unconditional, help: "活動名稱") var title: String?
        @Option(parsing: .unconditional, help: "年度") var year: String?
        @Option(parsing: .unconditional, help: "類型") var kind: String?
        @Option(parsing: .unconditional, help: "主辦機關") var organiser: String?
        @Option(parsing: .unconditional, help: "合辦機關") var partner: String?
        @Option(parsing: .unconditional, help: "預定期間起") var from: String?
        @Option(parsing: .unconditional, help: "預定期間迄") var to: String?
        @Option(parsing: .unconditional, help: "辦理日期") var held: String?
        @Option(parsing: .unconditional, help: "備註") var note: String?

        func run(in context: CommandContext) throws {
            try context.database(ifVersion: ifVersion, .event, id: id).editEvent(id: id, title: title, year: Parse.year(year), kind: kind, organiser: organiser,
                                           partner: partner, plannedFrom: Parse.date(from), plannedTo: Parse.date(to),
                                           heldOn: Parse.date(held), note: note)
            context.reportEdited("活動", "event", id: id)
        }
    }

    struct Status: RunnableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "變更活動狀態 change an event's status",
            discussion: "例：event status 1 延期 --on 111/06/10 --note 因疫情延至下半年").parsedAlone
        @OptionGroup var change: StatusChangeOptions

        func run(in context: CommandContext) throws {
            try context.changeStatus(.event, change)
        }
    }
}
