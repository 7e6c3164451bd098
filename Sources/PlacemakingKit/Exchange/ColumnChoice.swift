/// Which columns of a list to write: all of them (files, CSV, JSON), the brief set people scan on
/// screen, or those a user named by key or header (`--columns 機關,預算`).
public enum ColumnChoice: Sendable, Equatable {
    case all, brief
    case named([String])

    /// The keys of the chosen columns, in the order chosen; nil for every column.
    func keys(of columns: [ResultTable.Column], brief: [String]?) throws -> [String]? {
        switch self {
        case .all: return nil
        case .brief: return brief
        case .named(let names):
            let table = ResultTable(columns: columns)
            let keys = try names.map { name in
                guard let key = table.columnKey(named: name) else {
                    throw PlacemakingError.invalidValue(field: "--columns", value: name,
                                                        hint: "可用的欄位：" + columns.map(\.header).joined(separator: "、"))
                }
                return key
            }
            guard !keys.isEmpty else { throw PlacemakingError.emptyValue(field: "--columns") }
            return keys
        }
    }
}

extension ResultTable {
    /// The same table with only the chosen columns, in the order chosen.
    public func choosing(_ choice: ColumnChoice) throws -> ResultTable {
        try choice.keys(of: columns, brief: brief).map(selecting) ?? self
    }
}

extension TableQuery {
    /// The same query writing only the chosen columns, in the order chosen.
    func choosing(_ choice: ColumnChoice) throws -> TableQuery {
        guard let keys = try choice.keys(of: columns, brief: brief) else { return self }
        let indices = keys.compactMap { key in columns.firstIndex { $0.key == key } }
        let cells = self.cells
        let sql = lean.flatMap { lean in lean.hiding.isDisjoint(with: keys) ? lean.sql : nil } ?? self.sql
        return TableQuery(columns: indices.map { columns[$0] }, brief: nil, sql: sql, arguments: arguments) { row in
            let all = cells(row)
            return indices.map { all[$0] }
        }
    }
}
