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
        language == .chinese
            ? "\(dryRun ? "（試算，未寫入）" : "")已新增 \(added) 筆、已存在 \(existing) 筆、拒絕 \(refused) 筆"
            : "\(dryRun ? "(dry run, nothing written) " : "")added \(added), already there \(existing), refused \(refused)"
    }
}
