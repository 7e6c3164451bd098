import Foundation

/// What an import did or, with `--dry-run`, would do: rows added, rows already in the ledger, rows
/// refused with every bad cell.
public struct ImportReport: Sendable {
    /// One bad cell: the file's row, the column's header (empty for the row as a whole) and why.
    public struct Problem: Sendable, Equatable {
        public let row: Int
        public let column: String
        public let message: String
    }

    public var added = 0
    public var existing = 0
    public var refused = 0
    public var problems: [Problem] = []
    /// Headers that map to nothing and were left out.
    public var skippedColumns: [String] = []
    public var encoding: TextEncoding?
    public var dryRun = false

    /// The one-line result.
    public func summary(_ language: Language) -> String {
        if dryRun {
            return language == .chinese
                ? "（試算，未寫入）將新增 \(Self.grouped(added)) 筆、已存在 \(Self.grouped(existing)) 筆、將拒絕 \(Self.grouped(refused)) 筆"
                : "(dry run, nothing written) would add \(Self.grouped(added)), already there \(Self.grouped(existing)), would refuse \(Self.grouped(refused))"
        }
        return language == .chinese
            ? "已新增 \(Self.grouped(added)) 筆、已存在 \(Self.grouped(existing)) 筆、拒絕 \(Self.grouped(refused)) 筆"
            : "added \(Self.grouped(added)), already there \(Self.grouped(existing)), refused \(Self.grouped(refused))"
    }

    /// 12,345: counts as the progress line shows them.
    public static func grouped(_ n: Int) -> String {
        Money.groupThousands(Int64(n))
    }
}
