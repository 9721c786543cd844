import HeraldCore
import Synchronization

/// A ``RouteStore`` in memory, for tests and single-node setups that load routes from a file.
///
/// ```swift
/// let store = InMemoryRouteStore()
/// try await store.replaceRoutes(rules, expectedVersion: 0, at: now, audit: [])
/// ```
public final class InMemoryRouteStore: RouteStore {
    private struct State {
        var routes = RouteSet.empty
        var audit: [AuditEvent] = []
    }

    private let state = Mutex(State())

    public init() {}

    public func routeSet() async throws -> RouteSet { state.withLock { $0.routes } }

    public func routesVersion() async throws -> Int64 { state.withLock { $0.routes.version } }

    @discardableResult
    public func replaceRoutes(_ rules: [RouteRule], expectedVersion: Int64?, at time: Timestamp, audit: [AuditEvent]) async throws -> Int64 {
        var seen = Set<String>()
        for rule in rules where !seen.insert(rule.id).inserted { throw HeraldError.duplicateRouteRuleID(rule.id) }
        return try state.withLock { state throws(HeraldError) -> Int64 in
            if let expectedVersion, expectedVersion != state.routes.version {
                throw .routesVersionConflict(expected: expectedVersion, actual: state.routes.version)
            }
            state.routes = RouteSet(version: state.routes.version + 1, rules: rules, updatedAt: time)
            state.audit += audit
            return state.routes.version
        }
    }

    /// Audit events stored with replacements, oldest first.
    public var auditEvents: [AuditEvent] { state.withLock { $0.audit } }
}
