import Foundation
import HeraldAuditLog
import HeraldCore
import HeraldPostgres
import Logging
import PostgresNIO

/// ``StorageBackend`` over ``PostgresHeraldStore`` in a schema of its own (`herald_test_<random>`) of the
/// database named by `HERALD_TEST_POSTGRES_URL`, sealing audit events as `herald serve` does. Tests stay
/// independent and may run in parallel; ``destroy()`` drops the schema.
struct PostgresBackend: StorageBackend {
    let url: String
    let schema: String
    let postgres: PostgresHeraldStore
    var store: any HeraldStore { postgres }

    /// The test database's URL, when PostgreSQL tests are enabled.
    static var configuredURL: String? {
        guard let url = ProcessInfo.processInfo.environment["HERALD_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }

    static func fresh(url: String) throws -> PostgresBackend {
        let schema = "herald_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return try PostgresBackend(url: url, schema: schema)
    }

    init(url: String, schema: String, sealed: Bool = true) throws {
        self.url = url
        self.schema = schema
        self.postgres = PostgresHeraldStore(
            configuration: try Self.configuration(url: url, schema: schema), logger: Self.logger(),
            auditSealer: sealed ? try MerkleAuditSealer(identity: SQLiteBackend.auditIdentity) : nil)
    }

    /// Another store over the same schema (a second node).
    func secondNode(sealed: Bool = true) throws -> PostgresHeraldStore {
        PostgresHeraldStore(
            configuration: try Self.configuration(url: url, schema: schema), logger: Self.logger(),
            auditSealer: sealed ? try MerkleAuditSealer(identity: SQLiteBackend.auditIdentity) : nil)
    }

    static func configuration(url: String, schema: String) throws -> PostgresStoreConfiguration {
        var configuration = try PostgresStoreConfiguration(url: url)
        configuration.schema = schema
        configuration.poolSize = 4
        return configuration
    }

    static func logger() -> Logger {
        var logger = Logger(label: "herald.tests.postgres")
        logger.logLevel = .warning
        return logger
    }

    func auditEvents() async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        var after: Int64 = 0
        while true {
            let page = try await postgres.auditEvents(after: after, limit: 500)
            guard let last = page.last else { return events }
            events += page.map(\.event)
            after = last.sequence
        }
    }

    func reopened() async throws -> any StorageBackend {
        try await postgres.close()
        let again = try PostgresBackend(url: url, schema: schema)
        try await again.store.migrate()
        return again
    }

    func destroy() async {
        try? await postgres.close()
        try? await Self.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE", url: url)
    }

    /// Runs one statement on a connection of its own.
    static func execute(_ sql: String, url: String) async throws {
        let parsed = try PostgresStoreConfiguration(url: url)
        let configuration = PostgresConnection.Configuration(
            host: parsed.host, port: parsed.port, username: parsed.username, password: parsed.password, database: parsed.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger())
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger())
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
