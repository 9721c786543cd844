import Foundation
import HeraldAuditLog
import HeraldCore
import HeraldPostgres
import Logging
import PostgresNIO
import Testing
@testable import HeraldApp

/// `database.url: postgres://…` through the composition root: URL errors, an unreachable server, and the
/// offline administration (`herald operator …`) on a real PostgreSQL when `HERALD_TEST_POSTGRES_URL` is set.
@Suite struct PostgresStoreOpenerTests {
    static var quietLogger: Logger {
        var logger = Logger(label: "herald.tests.postgres-opener")
        logger.logLevel = .critical
        return logger
    }

    static func configuration(url: String, directory: URL) -> HeraldConfiguration {
        var configuration = HeraldConfiguration()
        configuration.dataDirectory = directory.path
        configuration.database.url = url
        return configuration
    }

    @Test(arguments: [
        ("postgres://127.0.0.1/herald", "names no user"),
        ("postgres://herald:pw@/herald", "names no host"),
        ("postgres://herald:hunter2@127.0.0.1:5432/", "names no database"),
        ("postgres://herald:hunter2@127.0.0.1:5432/herald?sslmode=always", "sslmode 'always'"),
        ("postgres://herald:hunter2@127.0.0.1:5432/herald?timeout=3", "unknown parameter 'timeout'"),
        ("postgres://herald:hunter2@127.0.0.1:5432/herald?schema=Bad-Name", "schema 'Bad-Name'"),
        ("postgresql://herald:hunter2@127.0.0.1:99999/herald", "port 99999"),
        ("mysql://herald:hunter2@127.0.0.1/herald", "must start with sqlite:, postgres:// or postgresql://"),
    ])
    func badURLsAreConfigurationErrorsThatNeverQuoteThePassword(_ url: String, _ expected: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-pgurl-\(UUID().uuidString)")
        let error = try #require(throws: ConfigurationError.self) {
            _ = try StoreOpener.open(Self.configuration(url: url, directory: directory), logger: Self.quietLogger, auditSealer: nil)
        }
        #expect(error.message.contains(expected), "\(error.message)")
        #expect(!error.message.contains("hunter2"))
    }

    @Test func poolSizeIsConfigurableAndChecked() throws {
        let configuration = try ConfigurationLoader.parse(yaml: "database:\n  url: postgres://h@127.0.0.1/h\n  pool_size: 32\n")
        #expect(configuration.database.poolSize == 32)
        let store = try StoreOpener.open(configuration, logger: Self.quietLogger, auditSealer: nil)
        let postgres = try #require(store as? PostgresHeraldStore)
        #expect(postgres.configuration.poolSize == 32)
        #expect(postgres.configuration.tls == .disable, "loopback connects without TLS by default")
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse(yaml: "database:\n  pool_size: 0\n") }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse(yaml: "database:\n  pool_size: 501\n") }
        #expect(try PostgresStoreConfiguration(url: "postgres://h@db.example.com/h").tls == .require, "other hosts require TLS by default")
        #expect(try PostgresStoreConfiguration(url: "postgres://h:p%40ss@[::1]:6000/herald?sslmode=prefer&schema=edge").password == "p@ss")
    }

    @Test func anUnreachableServerFailsTheMigrationWithItsReason() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-pgdown-\(UUID().uuidString)")
        // Port 1 on loopback: nothing listens there.
        let store = try StoreOpener.open(
            Self.configuration(url: "postgres://herald:hunter2@127.0.0.1:1/herald", directory: directory), logger: Self.quietLogger, auditSealer: nil)
        let error = try await #require(throws: HeraldError.self) { try await store.migrate() }
        #expect(error.code == "storage_failure" && error.category == .unavailable)
        #expect(error.message.contains("cannot connect to postgres://herald:***@127.0.0.1:1/herald"), "\(error.message)")
        #expect(!error.message.contains("hunter2"))
        try await store.close()
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["HERALD_TEST_POSTGRES_URL"]?.isEmpty == false, "set HERALD_TEST_POSTGRES_URL"))
    func offlineAdministrationWorksOnPostgres() async throws {
        let base = try #require(ProcessInfo.processInfo.environment["HERALD_TEST_POSTGRES_URL"])
        let schema = "herald_app_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let url = base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-pgcli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let configuration = Self.configuration(url: url, directory: directory)
            let offline = try await OfflineAdministration.open(configuration: configuration, logger: Self.quietLogger)
            #expect(offline.store is PostgresHeraldStore)
            let created = try await offline.operators.createOperator(name: "Ada", role: .admin, actor: offline.actor)
            await offline.close()

            // A second command, a new process in real life: the operator and its sealed audit entry are there.
            let again = try await OfflineAdministration.open(configuration: configuration, logger: Self.quietLogger)
            #expect(try await again.operators.operators().map(\.id) == [created.operator.id])
            let head = try await again.store.auditLogHead()
            #expect(head.size >= 1)
            let records = try await again.store.auditRecords(from: 0, limit: 100, includingSealedValues: false)
            #expect(records.contains { $0.target.contains(created.operator.id.rawValue) })
            await again.close()
            try await Self.dropSchema(schema, url: base)
        } catch {
            try? await Self.dropSchema(schema, url: base)
            throw error
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["HERALD_TEST_POSTGRES_URL"]?.isEmpty == false, "set HERALD_TEST_POSTGRES_URL"))
    func aMissingDatabaseFailsTheMigrationWithPostgresReason() async throws {
        let base = try PostgresStoreConfiguration(url: try #require(ProcessInfo.processInfo.environment["HERALD_TEST_POSTGRES_URL"]))
        var missing = base
        missing.database = "herald_no_such_database"
        let store = PostgresHeraldStore(configuration: missing, logger: Self.quietLogger)
        let error = try await #require(throws: HeraldError.self) { try await store.migrate() }
        #expect(error.message.contains("herald_no_such_database") && error.message.contains("does not exist"), "\(error.message)")
        try await store.close()
    }

    static func dropSchema(_ schema: String, url: String) async throws {
        let parsed = try PostgresStoreConfiguration(url: url)
        let connection = try await PostgresConnection.connect(
            configuration: PostgresConnection.Configuration(
                host: parsed.host, port: parsed.port, username: parsed.username, password: parsed.password, database: parsed.database, tls: .disable),
            id: 1, logger: quietLogger)
        try await connection.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE"), logger: quietLogger)
        try await connection.close()
    }
}
