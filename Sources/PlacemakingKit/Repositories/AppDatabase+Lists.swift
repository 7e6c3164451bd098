import GRDB

extension AppDatabase {
    /// Streams the list of `noun` into `sink` one row at a time (a cursor, never the whole list), with
    /// the columns chosen. The caller finishes the sink. Filters that do not apply to a noun are ignored.
    public func list(_ noun: LedgerTable, _ filter: ListFilter = ListFilter(), columns: ColumnChoice = .all,
                     into sink: inout some TableSink) throws {
        try read { db in
            try db.stream(db.listQuery(noun, filter).choosing(columns), sheet: noun.label, into: &sink)
        }
    }
}

extension Database {
    /// The list query of a noun with the filters that apply to it.
    func listQuery(_ noun: LedgerTable, _ filter: ListFilter) throws -> TableQuery {
        switch noun {
        case .plan: return try planListQuery(filter)
        case .planMatch: return try matchQuery(planId: filter.plan, year: filter.year)
        case .proposal: return try proposalQuery(filter)
        case .visit: return try visitQuery(year: filter.year, agency: filter.agency)
        case .subsidy: return try subsidyQuery(filter)
        case .participationCase: return try caseQuery(filter)
        case .event: return try eventQuery(year: filter.year)
        case .agency, .callRound, .statusHistory, .agencyName:
            throw PlacemakingError.programDefect("no list of \(noun.table)")
        }
    }
}
