import Foundation
import GRDB

/// How to read a file to import.
public struct ImportOptions: Sendable {
    public var sheet: String?
    public var encoding: TextEncoding?
    /// `--map`: header → field, for headers the aliases do not know.
    public var mappings: [String: ImportField]
    public var dryRun: Bool
    public var language: Language

    public init(sheet: String? = nil, encoding: TextEncoding? = nil, mappings: [String: ImportField] = [:],
                dryRun: Bool = false, language: Language = .chinese) {
        self.sheet = sheet
        self.encoding = encoding
        self.mappings = mappings
        self.dryRun = dryRun
        self.language = language
    }
}

extension AppDatabase {
    /// Imports the records of a file in one transaction: every row is parsed with the rules of typed
    /// input and written by the same code as the command that enters one record, and the transaction is
    /// kept only when no row was refused and this is not a dry run, so a file goes in whole or not at
    /// all. Rows already imported from the same file (same SHA-256 and row) or already in the ledger
    /// (same natural key, e.g. agency, title and date of a plan) are counted, not added. `progress` hears
    /// every 1,000 rows how many were read and what part of the file that is.
    public func importFile(_ url: URL, kind: ImportKind, options: ImportOptions = ImportOptions(),
                           progress: ((_ rowsRead: Int, _ fractionRead: Double) -> Void)? = nil) throws -> ImportReport {
        // Read with the user's own rights: under set-group-id the program's group could read the ledger itself.
        var source = try SystemIdentity.withUserRights { try ImportSource(url: url, sheet: options.sheet, encoding: options.encoding) }
        let header = try source.next()
        let mapping = try ImportColumns(headers: header?.cells.map(\.text) ?? [], kind: kind, mappings: options.mappings)
        let columns = mapping.columns
        var report = ImportReport(encoding: source.encoding, dryRun: options.dryRun)
        report.skippedColumns = mapping.skipped
        let document = "sha256:" + source.sha256
        return try writeDecided { db, change in
            // One transaction of many rows: with SQLite's default 2 MB page cache its changed pages
            // spill into the WAL again and again, and every later read searches a growing WAL. A larger
            // cache for the import only (64 MB; 300,000 plans: 38 s → 28 s on this machine).
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            var firstAdded = true
            var rowsRead = 0
            while let row = try source.next() {
                rowsRead += 1
                if rowsRead % 1000 == 0 { progress?(rowsRead, source.fractionRead) }
                if row.cells.allSatisfy({ $0.text.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
                var values = ImportValues(row: row, language: options.language)
                for column in columns where column.field != .ignored {
                    values.set(column.field, header: column.header, unit: column.unit,
                               cell: column.index < row.cells.count ? row.cells[column.index] : .empty)
                }
                let section = "第\(row.number)列"
                // Names and ids are looked up before "already there?", so that a bad one is reported even in
                // a row that matches a record, and along with the row's other bad cells.
                values.checkReferences(db, kind: kind, change: change)
                if values.problems.isEmpty {
                    if firstAdded {
                        try db.execute(sql: "INSERT OR IGNORE INTO source_document (id, title, reference) VALUES (?, ?, ?)",
                                       arguments: [document, source.fileName, "\(source.fileName) SHA-256 \(source.sha256)"])
                        firstAdded = false
                    }
                    do {
                        if try values.exists(db, kind: kind, document: document, section: section, change: change) {
                            report.existing += 1
                            continue
                        }
                        try values.write(db, kind: kind, source: (document, section), change: change)
                        report.added += 1
                    } catch let error as PlacemakingError {
                        values.blame(error)
                    }
                }
                if !values.problems.isEmpty {
                    values.noteEmptyRequired(kind)
                    report.refused += 1
                    report.problems += values.problems
                }
            }
            progress?(rowsRead, 1)
            if report.added > 0 {
                try db.execute(sql: """
                    INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after)
                    VALUES (?, ?, ?, 'source_document', NULL, NULL,
                            json_object('id', ?, 'file', ?, 'added', ?, 'existing', ?))
                    """, arguments: [change.stamp, change.actor, kind.auditAction,
                                     document, source.fileName, report.added, report.existing])
            }
            return (report, report.problems.isEmpty && !options.dryRun)
        }
    }
}
