import HeraldCore
import Logging
import ServiceLifecycle
import Synchronization

/// Keeps a ``RoutingEngine`` in step with a ``RouteStore``: polls the routes version and reloads the rules
/// when it changes. A version whose rules fail validation is reported once and skipped (until the engine's
/// links change); the engine keeps its previous table until a valid version arrives.
///
/// ```swift
/// let reloader = RouteReloadService(engine: engine, store: store, interval: .seconds(5), logger: logger)
/// try await reloader.refresh()     // load once at start-up
/// // then run it in the ServiceGroup with the dispatcher
/// ```
public final class RouteReloadService: Service {
    /// What one poll did.
    public enum Outcome: Sendable, Equatable {
        /// The stored version is the one in force (or one already refused).
        case unchanged
        /// The rules of this version are now in force.
        case reloaded(version: Int64)
        /// The rules of this version are invalid; the previous table stays in force.
        case refused(version: Int64, RouteTableError)
    }

    private let engine: RoutingEngine
    private let store: any RouteStore
    private let interval: Duration
    private let logger: Logger
    /// The version last refused, and the links it was checked against (a later link change may make it valid).
    private let refused = Mutex<(version: Int64, linkIDs: Set<String>?)?>(nil)

    public init(engine: RoutingEngine, store: any RouteStore, interval: Duration = .seconds(5), logger: Logger) {
        self.engine = engine
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    /// Polls once: reloads when the store has a version other than the engine's.
    ///
    /// - Throws: Store errors (the engine keeps its table).
    @discardableResult
    public func refresh() async throws -> Outcome {
        let version = try await store.routesVersion()
        let linkIDs = engine.linkIDs
        if version == engine.table.version || refused.withLock({ $0.map { $0.version == version && $0.linkIDs == linkIDs } ?? false }) {
            return .unchanged
        }
        let routes = try await store.routeSet()
        do {
            let table = try engine.reload(rules: routes.rules, version: routes.version)
            refused.withLock { $0 = nil }
            logger.info("routes reloaded", metadata: ["version": "\(routes.version)", "rules": "\(table.ruleCount)"])
            return .reloaded(version: routes.version)
        } catch {
            refused.withLock { $0 = (routes.version, linkIDs) }
            logger.error(
                "routes not reloaded: the stored rules are invalid; the previous routes stay in force",
                metadata: ["version": "\(routes.version)", "in_force": "\(engine.table.version)", "error": "\(error.message)"])
            return .refused(version: routes.version, error)
        }
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await refresh()
            } catch {
                logger.warning("polling the routes version failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
        }
    }
}
