import Foundation

/// What `backup` wrote or `restore` read, for the message that says it is done: the file, its size and
/// how many records it holds, so the user can see at a glance that it is the ledger they meant.
public struct BackupReport: Sendable, Equatable {
    /// The backup file (written by `backup`, read by `restore`).
    public let path: String
    public let bytes: Int64
    /// Records per table, in `countedTables` order.
    public let counts: [Int]
    public let auditEntries: Int
    public let seconds: Double
    /// Where `restore` kept the ledger it replaced; nil for a backup.
    public let keptAs: String?

    public init(path: String, bytes: Int64, counts: [Int], auditEntries: Int, seconds: Double, keptAs: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.counts = counts
        self.auditEntries = auditEntries
        self.seconds = seconds
        self.keptAs = keptAs
    }

    /// The tables whose records are counted.
    public static let countedTables: [LedgerTable] = [.plan, .planMatch, .proposal, .visit, .subsidy, .participationCase, .event]

    /// `計畫 7、部會媒合 6、…、異動紀錄 98 筆` in the user's language.
    public func summary(_ language: Language) -> String {
        let zh = language == .chinese
        var parts = zip(Self.countedTables, counts).map { zh ? "\($0.label) \($1)" : "\($0.labelEnglish) \($1)" }
        parts.append(zh ? "異動紀錄 \(auditEntries) 筆" : "\(auditEntries) audit entries")
        return parts.joined(separator: zh ? "、" : ", ")
    }

    /// The size as people read it: 324.1 MB, 88 KB.
    public var size: String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}
