import Foundation
@testable import PlacemakingKit

/// A table with a cell of every kind, and text that tries every escape: what the sink tests write.
enum SinkSample {
    static let columns: [ResultTable.Column] = [
        .init("id", "編號", "id"), .init("title", "名稱", "title"), .init("phase", "階段", "phase"),
        .init("statusOn", "狀態日期", "status date"), .init("budget", "預算(元)", "budget (NT$)"),
        .init("subsidized", "補助", "subsidized"), .init("note", "備註", "note", nullIsUnknown: false),
        .init("updatedAt", "修改時間", "updated at"),
    ]

    static let date = ROCDate(year: 2022, month: 6, day: 30)!

    static let rows: [[ResultTable.Cell]] = [
        [.integer(1), .text("燕巢橫山共創基地"), .code("approved", label: "核定"), .date(date), .money(Money(yuan: 5_000_000)),
         .bool(true), .text("=1+1"), .timestamp("2026-11-27T07:24:44Z")],
        [.integer(2), .text("-5"), .code("draft", label: "草擬"), .dateOnOrBefore(date), .money(Money(yuan: -5)),
         .bool(false), .text("a,\"b\"\nc"), .null],
        [.integer(3), .null, .code("draft", label: "草擬"), .null, .null, .bool(false), .null, .null],
    ]

    static var table: ResultTable { ResultTable(columns: columns, rows: rows) }

    /// The table written as the one sheet 計畫 of a workbook at `url`: ODS for `.ods`, else XLSX.
    static func writeWorkbook(to url: URL) throws {
        if url.pathExtension == "ods" {
            var sink = try ODSSink(target: .file(url.path))
            try table.send(to: &sink, sheet: "計畫")
            try sink.finish()
        } else {
            var sink = try XLSXSink(target: .file(url.path))
            try table.send(to: &sink, sheet: "計畫")
            try sink.finish()
        }
    }
}
