/// "As of" written once: the status a record had on a date is the last entry of its dated history on
/// or before that date (later entries on the same day win by their order of entry). Lists use it with
/// `current` (the latest entry), summaries with the report's cut-off date.
enum StatusAsOf {
    /// The `:asOf` value that selects each record's latest entry.
    static let current = "9999-12-31"

    /// `LEFT JOIN status_history <alias>` on the entry in force at `:asOf` for the record whose id is the
    /// SQL expression `record` (always one of ours, never user text). A record with no entry by then
    /// did not exist yet: its `<alias>.id` is NULL.
    static func join(_ kind: RecordKind, record: String, alias: String = "h") -> String {
        """
        LEFT JOIN status_history \(alias) ON \(alias).id = (SELECT id FROM status_history
            WHERE entity = '\(kind.rawValue)' AND entity_id = \(record) AND effective_on <= :asOf
            ORDER BY effective_on DESC, id DESC LIMIT 1)
        """
    }

    /// The ISO date to bind to `:asOf`: the day given, or every record's latest entry.
    static func bound(_ day: ROCDate?) -> String { day?.iso ?? current }
}

/// The name an agency went by on a day, in SQL: an earlier name whose validity covers the day (農委會
/// on 111/05/20), else its present name. `agency` and `day` are SQL expressions of ours, never user text.
enum AgencyNameOn {
    static func sql(agency: String, day: String, present: String) -> String {
        """
        coalesce((SELECT n.name FROM agency_name n WHERE n.agency_id = \(agency) AND n.kind = 'former'
            AND \(day) < n.valid_to AND (n.valid_from IS NULL OR n.valid_from <= \(day))
            ORDER BY n.valid_to, length(n.name), n.id LIMIT 1), \(present))
        """
    }
}
