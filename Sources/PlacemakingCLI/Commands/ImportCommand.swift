import ArgumentParser
import Foundation
import PlacemakingKit

/// `import plans|cases FILE`: records from a CSV, ODS or XLSX file, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "匯入 import from CSV, ODS or XLSX", subcommands: [Plans.self, Cases.self])

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
                guard parts.count == 2, !parts[0].isEmpty, let field = ImportField(named: parts[1]) else {
                    throw PlacemakingError.invalidColumnMapping(mapping, fields: ImportField.allCases.map { "\($0.rawValue)（\($0.label)）" })
                }
                options.mappings[parts[0]] = field
            }
            let showsProgress = isatty(STDERR_FILENO) == 1  // a terminal, not a log or a test
            let report = try context.database.importFile(URL(fileURLWithPath: file), kind: kind, options: options) { rows in
                if showsProgress, rows >= 5_000 {
                    FileHandle.standardError.write(Data(context.language.pick("\r已讀 \(rows) 列…", "\r\(rows) rows read…").utf8))
                }
            }
            if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            if !report.skippedColumns.isEmpty {
                context.say("略過欄位：" + report.skippedColumns.joined(separator: "、"), "columns left out: " + report.skippedColumns.joined(separator: ", "))
            }
            for problem in report.problems {
                let column = problem.column.isEmpty ? context.language.pick("整列", "row") : problem.column
                context.say("第 \(problem.row) 列「\(column)」：\(problem.message)", "row \(problem.row), '\(column)': \(problem.message)")
            }
            if !report.problems.isEmpty, !dryRun {
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
                """)
        @OptionGroup var options: Options
        func run(in context: CommandContext) throws { try options.run(.plans, in: context) }
    }

    struct Cases: RunnableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cases", abstract: "匯入公民參與案件 import participation cases",
            discussion: """
                欄位：年度、案件名稱／名稱、機關、參與方式、市府補助（是／否）、補助金額(元)、狀態、狀態日期、備註。
                例：
                  import cases 公民參與.ods --dry-run
                """)
        @OptionGroup var options: Options
        func run(in context: CommandContext) throws { try options.run(.cases, in: context) }
    }
}
