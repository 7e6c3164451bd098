import ArgumentParser
import PlacemakingKit

/// `agency`: the agencies on record.
struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency", abstract: "機關 agencies", subcommands: [List.self])

    struct List: RunnableCommand {
        static let configuration = CommandConfiguration(abstract: "列出機關 list agencies",
            discussion: "例：agency list --kind district")
        @Option(parsing: .unconditional, help: "類別 district（區公所）, bureau（局處）, ministry（部會）, partner（合作單位）") var kind: String?
        @OptionGroup var output: OutputOptions

        func run(in context: CommandContext) throws {
            var agencyKind: AgencyKind?
            if let kind {
                guard let parsed = AgencyKind(rawValue: kind) ?? AgencyKind.allCases.first(where: { $0.label == kind }) else {
                    throw PlacemakingError.invalidValue(field: "--kind", value: kind, hint: "請輸入 district、bureau、ministry 或 partner")
                }
                agencyKind = parsed
            }
            try context.show(try context.database.agencyTable(kind: agencyKind), output)
        }
    }
}
