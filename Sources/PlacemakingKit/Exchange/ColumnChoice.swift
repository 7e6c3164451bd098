/// Which columns of a list to write: all of them (files, CSV, JSON), the brief set people scan on
/// screen, or those a user named by key or header (`--columns 機關,預算`).
public enum ColumnChoice: Sendable, Equatable {
    case all, brief
    case named([String])
}

extension TableQuery {
    /// The same query writing only the chosen columns, in the order chosen.
    func choosing(_ choice: ColumnChoice) throws -> TableQuery {
        let keys: [String]
        switch choice {
        case .all: return self
        case .brief:
            guard let brief else { return self }
            keys = brief
        case .named(let names):
            let table = ResultTable(columns: columns)
            keys = try names.map { name in
                guard let key = table.columnKey(named: name) else {
                    throw PlacemakingError.invalidValue(field: "--columns", value: name,
                                                        hint: "可用的欄位：" + columns.map(\.header).joined(separator: "、"))
                }
                return key
            }
            guard !keys.isEmpty else { throw PlacemakingError.emptyValue(field: "--columns") }
        }
        let indices = keys.compactMap { key in columns.firstIndex { $0.key == key } }
        let cells = self.cells
        return TableQuery(columns: indices.map { columns[$0] }, brief: nil, sql: sql, arguments: arguments) { row in
            let all = cells(row)
            return indices.map { all[$0] }
        }
    }
}
