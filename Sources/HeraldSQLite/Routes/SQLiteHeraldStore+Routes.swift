import GRDB
import HeraldCore

/// The ``RouteStore`` port: the rule set is replaced as a whole in one transaction, with its audit events,
/// and the routes version in `route_state` grows by one per replacement.
extension SQLiteHeraldStore: RouteStore {
    public func routeSet() async throws -> RouteSet {
        try await read("reading the route rules") { db in
            let (version, updatedAt) = try Self.routeState(db)
            return RouteSet(version: version, rules: try RouteRuleTable.load(from: db), updatedAt: updatedAt)
        }
    }

    public func routesVersion() async throws -> Int64 {
        try await read("reading the routes version") { db in try Self.routeState(db).version }
    }

    @discardableResult
    public func replaceRoutes(_ rules: [RouteRule], expectedVersion: Int64?, at time: Timestamp, audit: [AuditEvent]) async throws -> Int64 {
        var seen = Set<String>()
        for rule in rules where !seen.insert(rule.id).inserted { throw HeraldError.duplicateRouteRuleID(rule.id) }
        return try await write("replacing the route rules") { db in
            let next = try Self.replaceRoutes(rules, expectedVersion: expectedVersion, at: time, in: db)
            try self.auditAppender.append(audit, in: db)
            return next
        }
    }

    /// The replacement inside a caller's transaction (also used when an approved proposal is applied).
    static func replaceRoutes(_ rules: [RouteRule], expectedVersion: Int64?, at time: Timestamp, in db: Database) throws -> Int64 {
        let (version, _) = try routeState(db)
        if let expectedVersion, expectedVersion != version {
            throw HeraldError.routesVersionConflict(expected: expectedVersion, actual: version)
        }
        try db.execute(sql: "DELETE FROM route_rule_links")
        try db.execute(sql: "DELETE FROM route_rules")
        try RouteRuleTable.insert(rules, in: db)
        let next = version + 1
        try db.cachedStatement(sql: "UPDATE route_state SET version = ?, updated_at = ? WHERE id = 1")
            .execute(arguments: [next, time.millisecondsSince1970])
        return next
    }

    static func routeState(_ db: Database) throws -> (version: Int64, updatedAt: Timestamp?) {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT version, updated_at FROM route_state WHERE id = 1")) else {
            throw SQLiteStoreError.corrupt("routes version", "missing row")
        }
        var r = RowReader(row)
        return (try r.next(Int64.self), try r.optionalTimestamp())
    }
}
