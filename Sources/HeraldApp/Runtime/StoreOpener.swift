import Foundation
import HeraldCore
import HeraldSQLite
import Logging

/// Opens the store named by `database.url`: `sqlite:PATH` (default `<data_directory>/herald.sqlite`).
public enum StoreOpener {
    /// - Parameter auditSealer: seals audit events into the tamper-evident log (always given by `herald serve`).
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
            throw ConfigurationError("PostgreSQL support is not built into this binary yet")
        }
        throw ConfigurationError("'database.url' must start with sqlite: or postgres://, got '\(url.prefix(20))…'")
    }
}
