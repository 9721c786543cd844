import Logging
import PostgresNIO

/// One connection inside an open transaction (or, for reads, a single snapshot): the statements of one
/// port method. Every helper runs one statement.
struct PostgresTransaction {
    let connection: PostgresConnection
    let logger: Logger

    /// Every row of the statement's result.
    func rows(_ sql: String, _ arguments: [any PostgresBindable] = []) async throws -> [PostgresRow] {
        try await connection.query(PostgresStatement(sql, arguments).query, logger: logger).collect()
    }

    /// The first row, if any.
    func row(_ sql: String, _ arguments: [any PostgresBindable] = []) async throws -> PostgresRow? {
        try await rows(sql, arguments).first
    }

    /// Runs the statement, discarding rows.
    func execute(_ sql: String, _ arguments: [any PostgresBindable] = []) async throws {
        _ = try await rows(sql, arguments)
    }

    /// Runs a statement and returns how many rows it changed (INSERT, UPDATE, DELETE).
    func changes(_ sql: String, _ arguments: [any PostgresBindable] = []) async throws -> Int {
        let future: EventLoopFuture<PostgresQueryResult> = connection.query(PostgresStatement(sql, arguments).query, logger: logger)
        return try await future.get().metadata.rows ?? 0
    }

    /// The first column of the first row decoded as `Value`, or nil without rows.
    func value<Value: PostgresDecodable>(_ type: Value.Type, _ sql: String, _ arguments: [any PostgresBindable] = []) async throws -> Value? {
        guard let row = try await row(sql, arguments) else { return nil }
        var reader = PostgresRowReader(row)
        return try reader.next(Value.self)
    }
}
