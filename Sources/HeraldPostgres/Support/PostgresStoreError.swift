import HeraldCore
import PostgresNIO

/// Translates PostgreSQL failures into ``HeraldError``s with the same stable codes the SQLite store
/// publishes (`storage_busy` → retry later, `storage_conflict`, everything else `storage_failure`).
enum PostgresStoreError {
    static let busyCode = "storage_busy"
    static let conflictCode = "storage_conflict"
    static let failureCode = "storage_failure"
    static let corruptCode = "storage_corrupt_row"

    /// The SQLSTATE of a server error, if `error` is one.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// The constraint a server error names, if any.
    static func constraint(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.constraintName]
    }

    /// Domain errors thrown inside a transaction pass through unchanged.
    static func translate(_ error: any Error, operation: String) -> any Error {
        switch error {
        case let error as HeraldError:
            return error
        case let error as PSQLError:
            if let info = error.serverInfo, let state = info[.sqlState] {
                let message = info[.message] ?? state
                switch state {
                case "40001", "40P01", "55P03", "57014":
                    // Serialisation failure, deadlock, lock not available, statement timeout: worth retrying.
                    return HeraldError(.unavailable, code: busyCode, "the database is busy (\(operation)): \(message); retry later", retryAfterSeconds: 1)
                case _ where state.hasPrefix("23"):
                    return HeraldError(.conflict, code: conflictCode, "\(operation) violates a storage constraint: \(message)")
                case _ where state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57") || state.hasPrefix("28") || state == "3D000":
                    // Connection, resources, shutdown, authentication, unknown database.
                    return HeraldError(.unavailable, code: failureCode, "\(operation) failed: PostgreSQL says \(message) (SQLSTATE \(state))")
                default:
                    return HeraldError(.internal, code: failureCode, "\(operation) failed: PostgreSQL says \(message) (SQLSTATE \(state))")
                }
            }
            let reason = error.underlying.map { "\($0)" } ?? "\(error.code)"
            return HeraldError(.unavailable, code: failureCode, "\(operation) failed: cannot reach PostgreSQL (\(error.code): \(reason))")
        default:
            return HeraldError(.unavailable, code: failureCode, "\(operation) failed: \(error)")
        }
    }

    /// A stored value that does not decode (hand-edited database, newer schema).
    static func corrupt(_ what: String, _ value: String) -> HeraldError {
        HeraldError(.internal, code: corruptCode, "stored \(what) '\(value)' is not valid")
    }
}
