import Foundation
import HeraldCore
import HeraldPostgres
import HeraldSQLite
import Logging

/// Opens the store named by `database.url` (or `HERALD_DATABASE_URL`, applied by ``ConfigurationLoader``):
/// `sqlite:PATH` (default `<data_directory>/herald.sqlite`) or `postgres://user:password@host:port/database`
/// (`postgresql://` too) with `database.pool_size` connections. Nothing connects to PostgreSQL until the
/// store's first use (`migrate()`), which reports an unreachable server or refused credentials.
public enum StoreOpener {
    /// - Parameter auditSealer: seals audit events into the tamper-evident log (always given by `herald serve`).
    /// - Throws: ``ConfigurationError`` for a URL that names no usable database.
    public static func open(_ configuration: HeraldConfiguration, logger: Logger, auditSealer: (any AuditSealer)?) throws -> any GatewayStore {
        let url = configuration.database.url ?? "sqlite:" + (configuration.dataDirectory as NSString).appendingPathComponent("herald.sqlite")
        if url.hasPrefix("sqlite:") {
            var path = String(url.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else { throw ConfigurationError("'database.url' sqlite: needs a file path, e.g. sqlite:herald-data/herald.sqlite") }
            var options = SQLiteStoreConfiguration()
            options.synchronous = configuration.database.synchronous == "normal" ? .normal : .full
            return try SQLiteHeraldStore(path: path, configuration: options, logger: logger, auditSealer: auditSealer)
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            var options: PostgresStoreConfiguration
            do {
                options = try PostgresStoreConfiguration(url: url)
            } catch let error as HeraldError {
                throw ConfigurationError("'database.url': \(error.message)")
            }
            options.poolSize = configuration.database.poolSize
            var postgresLogger = logger
            postgresLogger[metadataKey: "database"] = "\(options.redactedDescription)"
            return PostgresHeraldStore(configuration: options, logger: postgresLogger, auditSealer: auditSealer)
        }
        // Only the scheme is quoted: the rest may hold a password.
        let scheme = url.range(of: ":").map { String(url[..<$0.lowerBound]) } ?? String(url.prefix(12))
        throw ConfigurationError("'database.url' must start with sqlite:, postgres:// or postgresql://, got '\(scheme)…'")
    }
}
