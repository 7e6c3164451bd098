import Foundation
import GRDB

extension AppDatabase {
    /// The programme of ROC year `year` as it stood on `asOf`: by default the last day of the year, or
    /// today while the year runs. Everything is read from the dated status history (`StatusAsOf`), so a
    /// record first dated after `asOf` does not count and a later change does not alter the figures.
    ///
    /// - Throws: `PlacemakingError.summaryYearNotStarted` for a year after this one,
    ///   `.summaryAsOfInFuture` for a day after today, `.summaryAsOfBeforeYear` for a day before the
    ///   year began.
    public func programmeSummary(year: Int, asOf: ROCDate? = nil) throws -> ProgrammeSummary {
        let day = try summaryDay(year: year, asOf: asOf)
        return try read { db in
            var builder = ProgrammeSummary.Builder(year: year, asOf: day)
            var query = SummaryQuery(db: db, year: year, asOf: day)
            try query.send(to: &builder)
            return builder.summary
        }
    }

    /// Writes `programmeSummary(year:asOf:).json` to `output` as the records are read, holding none of
    /// them: the same bytes, in memory that does not grow with the ledger. The caller closes `output`;
    /// its first write error is thrown here, once the summary is written.
    ///
    /// - Throws: as `programmeSummary`, and the output's first write error.
    public func writeSummaryJSON(year: Int, asOf: ROCDate? = nil, to output: inout some TextOutput) throws {
        let day = try summaryDay(year: year, asOf: asOf)
        output = try read { db in
            var writer = SummaryJSONWriter(output: output)
            var query = SummaryQuery(db: db, year: year, asOf: day)
            try query.send(to: &writer)
            return writer.output
        }
        try output.check()
    }

    /// The day a summary of `year` stands on: `asOf`, checked, or the end of the year (today while it
    /// runs). For a caller that must know it before the summary is read (to name it, or to refuse
    /// before creating a file).
    ///
    /// - Throws: as `programmeSummary`.
    public func summaryDay(year: Int, asOf: ROCDate?) throws -> ROCDate {
        try Self.summaryDay(year: year, asOf: asOf, today: ROCDate(clock()))
    }

    /// The day a summary of `year` stands on, checked.
    static func summaryDay(year: Int, asOf: ROCDate?, today: ROCDate) throws -> ROCDate {
        guard year <= today.rocYear else { throw PlacemakingError.summaryYearNotStarted(year: year, today: today) }
        let first = ROCDate(rocYear: year, month: 1, day: 1)
        guard let asOf else {
            return year == today.rocYear ? today : (ROCDate(rocYear: year, month: 12, day: 31) ?? today)
        }
        if asOf > today { throw PlacemakingError.summaryAsOfInFuture(date: asOf, today: today) }
        if let first, asOf < first { throw PlacemakingError.summaryAsOfBeforeYear(year: year, date: asOf) }
        return asOf
    }
}
