import GRDB

/// Look-ups a write repeats for every record it makes: agencies kept for the life of one transaction
/// (one `Change`), statuses for the connection (`StatusVocabularies`). An import of many rows names the
/// same few agencies and statuses over and over. Only what was found is kept; a miss goes to the database
/// again, so that its message (with suggestions) is always the database's own.
final class WriteLookups {
    private var agencies: [String: Agency] = [:]
    /// Kept beyond the transaction, for the connection.
    private let vocabularies: StatusVocabularies

    init(vocabularies: StatusVocabularies) {
        self.vocabularies = vocabularies
    }

    /// `Database.agency(named:kinds:)`, remembered.
    func agency(_ db: Database, named name: String, kinds: Set<AgencyKind>?) throws -> Agency {
        let key = name + "\u{1F}" + (kinds.map { $0.map(\.rawValue).sorted().joined(separator: ",") } ?? "*")
        if let known = agencies[key] { return known }
        let found = try db.agency(named: name, kinds: kinds)
        agencies[key] = found
        return found
    }

    func agencyID(_ db: Database, named name: String, kinds: Set<AgencyKind>?) throws -> Int64 {
        try agency(db, named: name, kinds: kinds).storedID()
    }

    /// The status vocabulary of `kind`, in its order.
    func statuses(_ db: Database, _ kind: RecordKind) throws -> [StatusDefinition] {
        try vocabularies.statuses(db, kind)
    }
}
