import Foundation
import Testing
@testable import PlacemakingKit

/// Whether LibreOffice is installed: the independent reader these tests need.
private let sofficeInstalled = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
    FileManager.default.isExecutableFile(atPath: "\($0)/soffice")
}

@Suite("Exports read back by LibreOffice", .enabled(if: sofficeInstalled, "needs soffice (apt-get install libreoffice-calc-nogui)"),
       .serialized)
struct LibreOfficeTests {
    static let tool = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("tools/check-spreadsheet")

    static let table = ResultTable(
        columns: [.init("title", "名稱", "title"), .init("awardedOn", "核定日期", "awarded on"),
                  .init("amount", "核定金額(元)", "amount (NT$)"), .init("note", "備註", "note", nullIsUnknown: false)],
        rows: [[.text("2022 燕巢橫山共創基地空間整備與綠色創生 331 行動計畫"), .date(ROCDate(year: 2022, month: 6, day: 30)!),
                .money(Money(yuan: 5_000_000)), .text("=1+1")]])

    /// Runs `tools/check-spreadsheet` and returns what it printed (through a file in `folder`, so no
    /// pipe can fill); stops it after `limit` seconds.
    static func check(_ arguments: [String], in folder: URL, limit: TimeInterval = 180) throws -> String {
        let printed = folder.appendingPathComponent("printed-\(UUID().uuidString).csv")
        guard FileManager.default.createFile(atPath: printed.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["CHECK_TIMEOUT": "120"]) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: printed)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }  // the tool's trap ends LibreOffice and removes its folder
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "check-spreadsheet \(arguments) ended with \(process.terminationStatus)")
        return try String(contentsOf: printed, encoding: .utf8)
    }

    @Test("ODS and XLSX: the date and the amount come back as a date and a number, Chinese intact, =1+1 as text",
          arguments: [ExportFormat.ods, .xlsx])
    func readBack(_ format: ExportFormat) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("libreoffice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("核定.\(format.rawValue)").path
        var sink = try format.sink(to: .file(path))
        try Self.table.send(to: &sink, sheet: "補助")
        try sink.finish()

        let values = try Self.check(["--raw", path], in: folder).split(whereSeparator: \.isNewline).map(String.init)
        #expect(values.first == "名稱,核定日期,核定金額(元),備註")
        // Read as values, the date is a date (LibreOffice writes it 2022/06/30, not the text 111/06/30)
        // and the amount a plain number; =1+1 stays the text =1+1, never the formula's 2.
        #expect(values.dropFirst().first == "2022 燕巢橫山共創基地空間整備與綠色創生 331 行動計畫,2022/06/30,5000000,=1+1", "\(values)")
        let shown = try Self.check([path], in: folder).split(whereSeparator: \.isNewline).map(String.init)
        // As shown, the date is in the ROC calendar and the amount grouped.
        #expect(shown.dropFirst().first == "2022 燕巢橫山共創基地空間整備與綠色創生 331 行動計畫,111/06/30,\"5,000,000\",=1+1", "\(shown)")
    }
}
