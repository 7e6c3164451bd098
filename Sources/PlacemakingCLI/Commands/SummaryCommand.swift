import ArgumentParser
import Foundation
import PlacemakingKit

/// The formats of `summary`: the screen's tables, Markdown, JSON for scripts, the council report's
/// paragraphs, an HTML page with charts, and ODS or XLSX workbooks (one sheet per table).
enum SummaryFormat: String, CaseIterable, ExpressibleByArgument {
    case table, markdown, json, report, html, ods, xlsx
}

/// `summary`: the programme of a year as it stood on a day, for the half-year and year-end reports.
struct SummaryCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "年度辦理情形摘要與議會報告文字 year summary and council report",
        discussion: """
            呈現某年度截至某日的辦理情形：計畫階段、已媒合機關、新增事業提案、實地輔導、補助核定、
            公民參與案件與活動。數字依各筆資料的狀態歷程計算，之後登錄的異動不會改變當日的數字。
            --as-of 預設為該年底（當年度為今天），不可晚於今天。
            格式：table（畫面表格）、markdown、json（供程式使用）、report（議會業務報告文字）、
            html（含圖表的單一網頁，可列印為 A4）、ods、xlsx（每個表一個工作表，需 --out）。
            例：
              summary --year 111 --as-of 111/06/30
              summary --year 111 --as-of 111/06/30 --format report
              summary --year 111 --format json --out summary-111.json
              summary --year 111 --as-of 111/06/30 --format html --out 111上半年.html
            """).parsedAlone

    @Option(parsing: .unconditional, help: "年度（民國年，如 111；或西元 2022）") var year: String
    @Option(name: .customLong("as-of"), parsing: .unconditional, help: "截至日期，如 111/06/30（預設為年底；當年度為今天）") var asOf: String?
    @Option(name: .long, help: "輸出格式 output format: table, markdown, json, report, html, ods, xlsx") var format: SummaryFormat?
    @Option(parsing: .unconditional, help: "寫入檔案（不顯示在畫面）write to a file") var out: String?

    func run(in context: CommandContext) throws {
        let style = format ?? Self.defaultFormat(context.defaultStyle)
        guard let year = try Parse.year(year) else { throw PlacemakingError.emptyValue(field: "--year") }
        if style == .json { return try writeJSON(year: year, context: context) }
        let summary = try context.database.programmeSummary(year: year, asOf: Parse.date(asOf))
        if let workbook = style == .ods ? ExportFormat.ods : style == .xlsx ? ExportFormat.xlsx : nil {
            // One sheet per table of the summary, every column, real numbers and dates.
            try context.export(format: workbook, out: out, machine: false) { sink in
                for (name, table) in summary.tables(context.language) { try table.send(to: &sink, sheet: name) }
            }
            context.say("已寫入 \(out ?? "")（\(summary.year)年度，截至 \(summary.asOf.roc)）",
                        "wrote \(out ?? "") (year \(summary.year), as of \(summary.asOf.roc))")
            return
        }
        let text = render(summary, style, context: context)
        guard let out else {
            context.console.write(text)
            return
        }
        do {
            // The user's file: written with the user's own rights, never the set-group-id group's.
            try SystemIdentity.withUserRights { try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic) }
        } catch let error as PlacemakingError {
            throw error
        } catch {
            throw PlacemakingError.outputNotWritten(path: out, detail: error.localizedDescription)
        }
        context.say("已寫入 \(out)（\(summary.year)年度，截至 \(summary.asOf.roc)）",
                    "wrote \(out) (year \(summary.year), as of \(summary.asOf.roc))")
    }

    /// JSON goes out as the database is read, holding no records: a summary of a million plans takes the
    /// memory of a small one. A file appears only once it is complete.
    private func writeJSON(year: Int, context: CommandContext) throws {
        let day = try context.database.summaryDay(year: year, asOf: Parse.date(asOf))
        guard let out else {
            var output = StreamTextOutput(context.console.stream)
            return try context.database.writeSummaryJSON(year: year, asOf: day, to: &output)
        }
        do {
            // FileTextOutput creates the file with the user's own rights, as every file a user names.
            var file = try FileTextOutput(url: URL(fileURLWithPath: out))
            try context.database.writeSummaryJSON(year: year, asOf: day, to: &file)
            try file.close()
        } catch PlacemakingError.exportFileUnwritable(_, let detail) {
            throw PlacemakingError.outputNotWritten(path: out, detail: detail)
        }
        context.say("已寫入 \(out)（\(year)年度，截至 \(day.roc)）", "wrote \(out) (year \(year), as of \(day.roc))")
    }

    /// The session's `.mode` where it is one of ours.
    static func defaultFormat(_ style: OutputFormat.Style) -> SummaryFormat {
        switch style {
        case .json: .json
        case .markdown: .markdown
        default: .table
        }
    }

    private func render(_ summary: ProgrammeSummary, _ style: SummaryFormat, context: CommandContext) -> String {
        switch style {
        case .json: return summary.json  // not reached: JSON is streamed (writeJSON)
        case .report: return summary.councilReport.text
        case .html: return SummaryPage(summary).html
        case .table, .markdown, .ods, .xlsx:
            var format = context.format(style == .markdown ? .markdown : .table)
            // Fit the screen, or 80 columns when written elsewhere; Markdown files keep whole cells.
            if style == .table { format.maxWidth = format.maxWidth ?? 80 } else if out != nil { format.maxWidth = nil }
            let language = context.language
            var text = style == .markdown
                ? "# " + language.pick("\(summary.year)年度辦理情形（截至 \(summary.asOf.roc)）", "Year \(summary.year) (as of \(summary.asOf.roc))") + "\n"
                : ""
            for (name, table) in summary.tables(language) {
                text += style == .markdown ? "\n## \(name)\n\n" : (text.isEmpty ? "" : "\n") + language.pick("【\(name)】", "[\(name)]") + "\n"
                if table.rows.isEmpty {
                    text += language.pick("（無）", "(none)") + "\n"
                } else {
                    format.write(table.brief.map(table.selecting) ?? table, to: &text)
                }
            }
            return text
        }
    }
}
