import Foundation
import HeraldCore

/// Where and how ``PostgresHeraldStore`` connects: server, credentials, database, TLS and pool size,
/// usually parsed from a `postgres://` URL.
///
/// ```swift
/// var configuration = try PostgresStoreConfiguration(url: "postgres://herald:secret@127.0.0.1:5432/herald")
/// configuration.poolSize = 16
/// let store = PostgresHeraldStore(configuration: configuration)
/// ```
///
/// TLS follows the URL's `sslmode`: `disable`, `prefer` (TLS when the server offers it) or `require`
/// (TLS with the server's certificate verified against the system trust roots). Without `sslmode`, a
/// loopback host (`127.0.0.1`, `::1`, `localhost`) connects without TLS and any other host requires it.
public struct PostgresStoreConfiguration: Sendable, Equatable {
    /// How the connection is encrypted.
    public enum TLSMode: String, Sendable, Equatable, CaseIterable {
        case disable
        case prefer
        case require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// Most connections the node opens to the server (default 10).
    public var poolSize: Int
    /// A schema to use instead of `public` (the connection's `search_path`; created by ``PostgresHeraldStore/migrate()``
    /// when missing). `nil`: the server's default.
    public var schema: String?
    /// How long opening a connection may take before the operation fails.
    public var connectTimeout: Duration

    /// The default pool size.
    public static let defaultPoolSize = 10
    /// The largest pool size accepted.
    public static let maximumPoolSize = 500

    public init(
        host: String = "127.0.0.1", port: Int = 5432, username: String, password: String? = nil, database: String, tls: TLSMode? = nil,
        poolSize: Int = PostgresStoreConfiguration.defaultPoolSize, schema: String? = nil, connectTimeout: Duration = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls ?? (Self.isLoopback(host) ? .disable : .require)
        self.poolSize = poolSize
        self.schema = schema
        self.connectTimeout = connectTimeout
    }

    /// Parses `postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require][&schema=NAME]`
    /// (also `postgresql://`). User and password may be percent-encoded; `schema` keeps Herald's tables in a
    /// schema of their own (created on the first start).
    ///
    /// - Throws: ``HeraldError`` (`invalid_input`, code `invalid_database_url`) naming what is wrong; the
    ///   password is never quoted.
    public init(url text: String) throws {
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") else {
            throw Self.invalid("must start with postgres:// or postgresql://")
        }
        guard let components = URLComponents(string: text) else {
            throw Self.invalid("is not a valid URL (percent-encode special characters in the user name and password)")
        }
        guard let host = components.host, !host.isEmpty else { throw Self.invalid("names no host (postgres://user:password@host:5432/database)") }
        guard let user = components.user, !user.isEmpty else { throw Self.invalid("names no user (postgres://user:password@host:5432/database)") }
        var database = components.path
        if database.hasPrefix("/") { database.removeFirst() }
        guard !database.isEmpty, !database.contains("/") else { throw Self.invalid("names no database (postgres://user:password@host:5432/database)") }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw Self.invalid("has port \(port), outside 1–65535") }
        var tls: TLSMode?
        var schema: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let mode = TLSMode(rawValue: value) else {
                    throw Self.invalid("has sslmode '\(item.value ?? "")'; use disable, prefer or require")
                }
                tls = mode
            case "schema":
                guard let value = item.value, PostgresHeraldStore.isPlainIdentifier(value) else {
                    throw Self.invalid("has schema '\(item.value ?? "")'; use lower-case letters, digits and _ (at most 63, not starting with a digit)")
                }
                schema = value
            default:
                throw Self.invalid("has the unknown parameter '\(item.name)' (sslmode and schema are understood)")
            }
        }
        let bareHost = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.init(
            host: bareHost, port: port, username: components.user?.removingPercentEncoding ?? user,
            password: components.password.map { $0.removingPercentEncoding ?? $0 }, database: database.removingPercentEncoding ?? database, tls: tls,
            schema: schema)
    }

    /// The URL without its password, for logs and error messages.
    public var redactedDescription: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(username)\(password == nil ? "" : ":***")@\(shownHost):\(port)/\(database)?sslmode=\(tls.rawValue)"
            + (schema.map { "&schema=\($0)" } ?? "")
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    private static func invalid(_ problem: String) -> HeraldError {
        HeraldError(.invalidInput, code: "invalid_database_url", "the PostgreSQL database URL \(problem)", field: "database.url")
    }
}
