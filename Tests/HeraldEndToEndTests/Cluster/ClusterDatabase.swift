import Foundation
import HeraldPostgres
import Logging
import PostgresNIO

/// A schema of its own (`herald_cluster_<random>`) in the database `HERALD_TEST_POSTGRES_URL` names, for
/// one run of the multi-node test: the nodes get ``nodeURL`` (the base URL with `schema=`), the test reads
/// the shared tables directly, and ``drop()`` removes everything afterwards.
struct ClusterDatabase: Sendable {
    let baseURL: String
    let schema: String
    private let configuration: PostgresStoreConfiguration

    /// The base URL from `HERALD_TEST_POSTGRES_URL`, when PostgreSQL tests are enabled.
    static var configuredURL: String? {
        guard let url = ProcessInfo.processInfo.environment["HERALD_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }

    init(baseURL: String) throws {
        self.baseURL = baseURL
        self.schema = "herald_cluster_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        self.configuration = try PostgresStoreConfiguration(url: baseURL)
    }

    /// What every node's `database.url` is: the same database, in this run's schema.
    var nodeURL: String { baseURL + (baseURL.contains("?") ? "&" : "?") + "schema=\(schema)" }

    /// One message row as the test needs it.
    struct StoredMessage: Sendable {
        var id: String
        var to: String
        var status: String
        var originNode: String
    }

    /// Messages a node holds claims on (status still `accepted` or `queued`, its lease set): after a
    /// SIGKILL, exactly the messages whose outcome the dead node never wrote back.
    func claims(of node: String) async throws -> [StoredMessage] {
        try await messages(where: "lease_owner = $1 AND status IN ('accepted', 'queued')", node)
    }

    /// Every message of the run.
    func allMessages() async throws -> [StoredMessage] {
        try await messages(where: "TRUE")
    }

    /// How many messages are not in a final status yet.
    func unfinishedCount() async throws -> Int {
        try await withConnection { connection, logger in
            let rows = try await connection.query(
                PostgresQuery(unsafeSQL: """
                    SELECT count(*) FROM "\(schema)".messages
                    WHERE status NOT IN ('delivered', 'undelivered', 'expired', 'rejected', 'failed')
                    """),
                logger: logger)
            var count = 0
            for try await row in rows.decode(Int64.self) { count = Int(row) }
            return count
        }
    }

    /// Drops the schema and everything in it.
    func drop() async throws {
        try await withConnection { connection, logger in
            _ = try await connection.query(PostgresQuery(unsafeSQL: #"DROP SCHEMA IF EXISTS "\#(schema)" CASCADE"#), logger: logger)
        }
    }

    private func messages(where condition: String, _ arguments: String...) async throws -> [StoredMessage] {
        try await withConnection { connection, logger in
            var bindings = PostgresBindings()
            for argument in arguments { bindings.append(argument) }
            let rows = try await connection.query(
                PostgresQuery(unsafeSQL: #"SELECT id, to_number, status, origin_node FROM "\#(schema)".messages WHERE \#(condition)"#, binds: bindings),
                logger: logger)
            var messages: [StoredMessage] = []
            for try await (id, to, status, origin) in rows.decode((String, String, String, String).self) {
                messages.append(StoredMessage(id: id, to: to, status: status, originNode: origin))
            }
            return messages
        }
    }

    /// Runs `body` on a connection of its own, closed afterwards.
    private func withConnection<T: Sendable>(_ body: (PostgresConnection, Logger) async throws -> T) async throws -> T {
        var logger = Logger(label: "herald.e2e.cluster.database")
        logger.logLevel = .warning
        let connection = try await PostgresConnection.connect(
            configuration: PostgresConnection.Configuration(
                host: configuration.host, port: configuration.port, username: configuration.username, password: configuration.password,
                database: configuration.database, tls: .disable),
            id: 1, logger: logger)
        do {
            let value = try await body(connection, logger)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
