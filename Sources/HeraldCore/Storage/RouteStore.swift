/// Storage port for the routing rules: the whole rule set is read and replaced as one versioned unit.
///
/// Changing routes is a sensitive operator action (issue #7 puts it behind two-person approval), so a
/// replacement carries its audit events, written in the same transaction, and may name the version it
/// was prepared against: when another change landed first, the replacement is refused.
///
/// ```swift
/// let current = try await store.routeSet()
/// let version = try await store.replaceRoutes(
///     newRules, expectedVersion: current.version, at: clock.now(),
///     audit: [AuditEvent(at: clock.now(), actor: .cli("ops"), action: "routes.replace", target: "routes")])
/// ```
public protocol RouteStore: Sendable {
    /// The rules in force with their version (``RouteSet/empty`` before the first replacement).
    func routeSet() async throws -> RouteSet

    /// The current routes version: cheap, for nodes polling for changes. 0 before the first replacement.
    func routesVersion() async throws -> Int64

    /// Replaces every rule atomically, stores `audit` in the same transaction, and returns the new version
    /// (the previous one plus one).
    ///
    /// - Parameter expectedVersion: The version the change was prepared against; when given and the stored
    ///   version differs, nothing is written and `HeraldError` (category `conflict`, code
    ///   `routes_version_conflict`) is thrown. `nil` replaces whatever is stored.
    /// - Throws: ``HeraldError`` with code `duplicate_rule_id` when two rules share an id (the store only
    ///   checks what it needs to store the set; the routing engine validates the rules themselves).
    @discardableResult
    func replaceRoutes(_ rules: [RouteRule], expectedVersion: Int64?, at time: Timestamp, audit: [AuditEvent]) async throws -> Int64
}

extension HeraldError {
    /// The error a ``RouteStore`` throws when `expectedVersion` is not the stored version.
    public static func routesVersionConflict(expected: Int64, actual: Int64) -> HeraldError {
        HeraldError(
            .conflict, code: "routes_version_conflict",
            "the routes changed since this change was prepared (expected version \(expected), stored version \(actual)); review the current routes and try again")
    }

    /// The error a ``RouteStore`` throws when two rules of a replacement share an id.
    public static func duplicateRouteRuleID(_ id: String) -> HeraldError {
        HeraldError(.invalidInput, code: "duplicate_rule_id", "two route rules have the id \"\(id)\"")
    }
}
