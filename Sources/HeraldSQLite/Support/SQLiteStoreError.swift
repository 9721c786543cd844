import GRDB
import HeraldCore

/// Translates SQLite failures into ``HeraldError``s with stable codes, so adapters answer them like any
/// other domain error (`storage_busy` → retry later, everything else → internal error).
enum SQLiteStoreError {
    /// Codes published by this store.
    static let busyCode = "storage_busy"
    static let conflictCode = "storage_conflict"
    static let failureCode = "storage_failure"
    static let corruptCode = "storage_corrupt_row"

    /// Domain errors thrown inside a transaction pass through unchanged, unless `wrappingOthers` (file system
    /// errors while opening).
    static func translate(_ error: any Error, operation: String, wrappingOthers: Bool = false) -> any Error {
        switch error {
        case let error as DatabaseError:
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return HeraldError(.unavailable, code: busyCode, "the database is busy (\(operation)); retry later", retryAfterSeconds: 1)
            case .SQLITE_CONSTRAINT:
                return HeraldError(.conflict, code: conflictCode, "\(operation) violates a storage constraint: \(error.message ?? "constraint failed")")
            case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_READONLY:
                return HeraldError(.unavailable, code: failureCode, "\(operation) failed: \(error.message ?? "\(error.resultCode)")")
            default:
                return HeraldError(.internal, code: failureCode, "\(operation) failed: \(error.message ?? "\(error.resultCode)")")
            }
        case let error as RowDecodingError:
            return HeraldError(.internal, code: corruptCode, "\(operation) read a malformed row: \(error)")
        case let error as HeraldError:
            return error
        default:
            guard wrappingOthers else { return error }
            return HeraldError(.unavailable, code: failureCode, "\(operation) failed: \(error.localizedDescription)")
        }
    }

    /// A stored value that does not decode (hand-edited database, newer schema).
    static func corrupt(_ what: String, _ value: String) -> HeraldError {
        HeraldError(.internal, code: corruptCode, "stored \(what) '\(value)' is not valid")
    }
}
