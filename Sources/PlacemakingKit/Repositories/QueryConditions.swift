import GRDB

/// The WHERE clause of a list or an export: only the conditions of the filters given. The pattern
/// `(:x IS NULL OR col = :x)`, one SQL for every filter, keeps SQLite from using any index (it plans
/// before it sees the values): `plan show` on 1,000,000 plans scanned every business proposal.
struct QueryConditions {
    private var terms: [String] = []
    private(set) var arguments: [String: (any DatabaseValueConvertible)?] = [:]

    init(_ always: String...) { terms = always }

    /// Adds `term`, which names the parameter `:name`, when `value` is given.
    mutating func add(_ term: String, _ name: String, _ value: (any DatabaseValueConvertible)?) {
        guard let value else { return }
        terms.append(term)
        arguments[name] = value
    }

    /// Adds `term`, whose parameters are `values`, when `given`.
    mutating func add(_ term: String, when given: Bool, _ values: [String: (any DatabaseValueConvertible)?]) {
        guard given else { return }
        terms.append(term)
        arguments.merge(values) { _, new in new }
    }

    /// `WHERE a AND b …`, or nothing when no condition applies.
    var sql: String { terms.isEmpty ? "" : "WHERE " + terms.joined(separator: "\n  AND ") }

    /// The arguments of the conditions with `others` (`:asOf` …) added.
    func arguments(with others: [String: (any DatabaseValueConvertible)?]) -> StatementArguments {
        StatementArguments(arguments.merging(others) { current, _ in current })
    }
}
