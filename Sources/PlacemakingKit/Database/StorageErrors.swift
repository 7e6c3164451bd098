import GRDB

/// Storage errors never leave Kit as GRDB types: they become `PlacemakingError.storage` with an
/// explanation in the user's language and SQLite's own message kept after it.
enum StorageErrors {
    /// Runs `body`, turning a `DatabaseError` into a `PlacemakingError`.
    static func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw translate(error)
        }
    }

    static func translate(_ error: DatabaseError) -> PlacemakingError {
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .storage(.busy, detail: detail)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: return .storage(.readOnly, detail: detail)
        case .SQLITE_FULL: return .storage(.diskFull, detail: detail)
        case .SQLITE_CONSTRAINT: return .storage(.constraint, detail: detail)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .storage(.corrupt, detail: detail)
        case .SQLITE_CANTOPEN: return .storage(.cannotOpen, detail: detail)
        case .SQLITE_ERROR where detail.contains("syntax error") || detail.hasPrefix("no such")
            || detail.contains("incomplete input") || detail.contains("unrecognized token"):
            return .storage(.syntax, detail: detail)
        default: return .storage(.other, detail: detail)
        }
    }
}
