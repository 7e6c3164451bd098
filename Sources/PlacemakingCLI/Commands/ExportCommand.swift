import ArgumentParser
import Foundation
import PlacemakingKit

extension ExportFormat: ExpressibleByArgument {}

/// `export`: workbooks for people outside the program (the NDC, the ministries, the city council).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "匯出 export", subcommands: [NDC.self])

    /// `export ndc`: the NDC-matching status workbook as of a day.
    struct NDC: RunnableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ndc", abstract: "國發會媒合情形總表 the NDC-matching status workbook",
            discussion: """
                工作表：計畫（機關、計畫、狀態與日期、提報日期、總經費、媒合部會與補助／投資合計）、部會媒合、
                事業提案、補助申請、實地輔導。狀態為截至 --as-of 當日（預設今天）的狀態，日期只知上限者標「前」。
                ods、xlsx 需要 --out 檔名；csv、json 只寫「計畫」表，或以 --sheet 指定。寫到檔案的 CSV 為
                Excel 用（UTF-8 BOM、CRLF、防公式注入），寫到畫面或加 --machine 為程式用。
                例：
                  export ndc --format ods --out 媒合情形.ods --as-of 111/06/30
                  export ndc --format xlsx --out 媒合情形.xlsx --year 111
                  export ndc --format csv --sheet 部會媒合 --out 媒合.csv
                  export ndc --format json --agency 六龜區
                """).parsedAlone

        @Option(name: .long, help: "格式 format: csv, json, markdown, ods, xlsx（預設依 --out 副檔名，否則 csv）") var format: ExportFormat?
        @Option(parsing: .unconditional, help: "寫入檔案 write to a file（ods、xlsx 必填）") var out: String?
        @Option(parsing: .unconditional, help: "年度（民國年，如 111）") var year: String?
        @Option(name: .customLong("as-of"), parsing: .unconditional, help: "截至日期，如 111/06/30（預設今天）") var asOf: String?
        @Option(parsing: .unconditional, help: "機關，如 六龜區") var agency: String?
        @Option(parsing: .unconditional, help: "只匯出一個工作表：計畫、部會媒合、事業提案、補助申請、實地輔導") var sheet: String?
        @Flag(name: .long, help: "CSV 給程式用（無 BOM、LF、不防公式）for programs") var machine = false

        func run(in context: CommandContext) throws {
            let format = try chosenFormat()
            var sheets = NDCSheet.allCases
            if let sheet {
                guard let chosen = NDCSheet(named: sheet) else {
                    throw PlacemakingError.invalidValue(field: "--sheet", value: sheet,
                                                        hint: "可用：" + NDCSheet.allCases.map(\.name).joined(separator: "、"))
                }
                sheets = [chosen]
            } else if !format.isWorkbook {
                sheets = [.plans]  // one table: a CSV or JSON file holds one sheet
            }
            let filter = NDCExportFilter(year: try Parse.year(year), agency: agency, asOf: try Parse.date(asOf))
            try context.export(format: format, out: out, machine: machine) { sink in
                try context.database.exportNDC(filter, sheets: sheets, into: &sink)
            }
            if let out {
                context.say("已寫入 \(out)（\(sheets.map(\.name).joined(separator: "、"))）",
                            "wrote \(out) (\(sheets.map(\.key).joined(separator: ", ")))")
            }
        }

        private func chosenFormat() throws -> ExportFormat {
            if let format { return format }
            if let out, let implied = ExportFormat(pathExtension: URL(fileURLWithPath: out).pathExtension) { return implied }
            return .csv
        }
    }
}
