import ArgumentParser
import Foundation
import PlacemakingKit

/// `import plans|proposals|visits|subsidies|cases FILE`: records from a CSV, ODS or XLSX file, all or
/// nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "匯入 import from CSV, ODS or XLSX",
        subcommands: [Plans.self, Proposals.self, Visits.self, Subsidies.self, Cases.self])

    /// The options every import takes.
    struct Options: ParsableArguments {
        @Argument(help: "檔案：.csv、.tsv、.txt、.ods、.xlsx") var file: String
        @Option(parsing: .unconditional, help: "工作表名稱（預設第一個）sheet name") var sheet: String?
        @Option(parsing: .unconditional, help: "CSV 編碼 encoding: utf-8, big5, big5-hkscs（預設自動判斷）") var encoding: String?
        @Option(parsing: .unconditionalSingleValue, help: "欄位對應 'header=field'，可重複；field：\(ImportField.allCases.map(\.rawValue).joined(separator: ", "))") var map: [String] = []
        @Flag(name: .customLong("dry-run"), help: "只檢查、列出每個錯誤，不寫入 check only") var dryRun = false

        func run(_ kind: ImportKind, in context: CommandContext) throws {
            var options = ImportOptions(sheet: sheet, dryRun: dryRun, language: context.language)
            if let encoding {
                guard let chosen = TextEncoding(named: encoding) else {
                    throw PlacemakingError.invalidValue(field: "--encoding", value: encoding,
                                                        hint: "可用：" + TextEncoding.allCases.map(\.rawValue).joined(separator: "、"))
                }
                options.encoding = chosen
            }
            for mapping in map {
                let parts = mapping.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                // The field by its key or label (agency, 機關), or by any header this kind knows (計畫名稱).
                guard parts.count == 2, !parts[0].isEmpty,
                      let field = ImportField(named: parts[1]) ?? ImportField.field(forHeader: parts[1], kind: kind) else {
                    throw PlacemakingError.invalidColumnMapping(mapping, fields: ImportField.allCases.map { "\($0.rawValue)（\($0.label)）" })
                }
                options.mappings[parts[0]] = field
            }
            var progress = ImportProgress(language: context.language, showing: isatty(STDERR_FILENO) == 1)  // a terminal, not a log
            let report = try context.database.importFile(URL(fileURLWithPath: file), kind: kind, options: options) { rows, fraction in
                progress.show(rows: rows, fraction: fraction)
            }
            progress.clear()
            if !report.skippedColumns.isEmpty {
                context.say("略過欄位：" + report.skippedColumns.joined(separator: "、"), "columns left out: " + report.skippedColumns.joined(separator: ", "))
            }
            for problem in report.problems {
                let column = problem.column.isEmpty ? context.language.pick("整列", "row") : problem.column
                context.say("第 \(problem.row) 列「\(column)」：\(problem.message)", "row \(problem.row), '\(column)': \(problem.message)")
            }
            if !report.problems.isEmpty {
                // A dry run lists the same problems and fails the same way, so that a script can tell.
                if dryRun { context.say(report.summary(.chinese), report.summary(.english)) }
                throw PlacemakingError.importRejected(rows: report.refused, cells: report.problems.count)
            }
            context.say(report.summary(.chinese), report.summary(.english))
        }
    }

    struct Plans: RunnableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plans", abstract: "匯入地方創生計畫 import plans",
            discussion: """
                欄位依標題對應（中英文皆可）：機關／提案機關／單位、計畫名稱／名稱、提報日期／日期、預算(元)／總經費(元)／
                預算（萬元）、狀態、狀態日期、備註；export ndc 與 plan list 匯出的欄位一律看得懂。空白或「未詳」為未詳。
                全部成功才寫入；同一檔案再匯入不會重複。
                例：
                  import plans 計畫.csv --dry-run
                  import plans 計畫.xlsx --sheet 計畫
                  import plans 舊清冊.csv --encoding big5 --map '區公所=agency'
                """).parsedAlone
        @OptionGroup var options: Options
        func run(in context: CommandContext) throws { try options.run(.plans, in: context) }
    }

    struct Proposals: RunnableCommand {
        static let configuration = CommandConfiguration(
            commandName: "proposals", abstract: "匯入事業提案 import business proposals",
            discussion: """
                欄位：計畫編號（必填，plan list 的編號）、提案名稱／名稱（必填）、年度、提報日期、金額(元)、部會、狀態、
                狀態日期、備註。機關由計畫而來；proposal list 匯出的檔案可再匯入。
                例：
                  import proposals 事業提案.csv --dry-run
                """).parsedAlone
        @OptionGroup var options: Options
        func run(in context: CommandContext) throws { try options.run(.proposals, in: context) }
    }

    struct Visits: RunnableCommand {
        static let configuration = CommandConfiguration(
            commandName: "visits", abstract: "匯入實地輔導紀錄 import counseling visits",
            discussion: """
                欄位：受輔導機關／機關（必填）、同行單位、計畫編號、日期、年度、事由、備註。輔導紀錄由研考會登錄。
                例：
                  import visits 輔導紀錄.xlsx
                """).parsedAlone
        @OptionGroup var options: Options
        func run(in context: CommandContext) throws { try options.run(.visits, in: context) }
    }

    struct Subsidies: RunnableCommand {
        static let configuration = CommandConfiguration(
            commandName: "subsidies", abstract: "匯入補助申請 import subsidy applications",
            discussion: """
                欄位：機關（必填）、申請計畫名稱／名稱（必填）、年度（必填）、補助計畫、徵案次數、計畫編號、申請金額(元)、
                提報日期、狀態、狀態日期、備註。核定金額與核定日期不匯入：核定由研考會以 subsidy award 登錄。
                例：
                  import subsidies 補助申請.ods --dry-run
                """).parsedAlone
        @OptionGroup var options: Options
        func run(in context: CommandContext) throws { try options.run(.subsidies, in: context) }
    }

    struct Cases: RunnableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cases", abstract: "匯入公民參與案件 import participation cases",
            discussion: """
                欄位：年度、案件名稱／名稱、機關、參與方式、市府補助（是／否）、補助金額(元)、狀態、狀態日期、備註。
                例：
                  import cases 公民參與.ods --dry-run
                """).parsedAlone
        @OptionGroup var options: Options
        func run(in context: CommandContext) throws { try options.run(.cases, in: context) }
    }
}
