import HeraldCore

/// The ``RouteStore`` port: the rule set is replaced as a whole in one transaction, with its audit events,
/// and the routes version in `route_state` grows by one per replacement. Replacements hold the
/// administration lock and the `route_state` row lock, so the version check sees every earlier replacement.
extension PostgresHeraldStore: RouteStore {
    public func routeSet() async throws -> RouteSet {
        try await read("reading the route rules") { tx in
            let (version, updatedAt) = try await Self.routeState(tx)
            return RouteSet(version: version, rules: try await RouteRuleTable.load(from: tx), updatedAt: updatedAt)
        }
    }

    public func routesVersion() async throws -> Int64 {
        try await read("reading the routes version") { tx in try await Self.routeState(tx).version }
    }

    @discardableResult
    public func replaceRoutes(_ rules: [RouteRule], expectedVersion: Int64?, at time: Timestamp, audit: [AuditEvent]) async throws -> Int64 {
        var seen = Set<String>()
        for rule in rules where !seen.insert(rule.id).inserted { throw HeraldError.duplicateRouteRuleID(rule.id) }
        return try await write("replacing the route rules") { tx in
            try await tx.execute(PostgresLocks.administration)
            let next = try await Self.replaceRoutes(rules, expectedVersion: expectedVersion, at: time, in: tx)
            try await self.auditAppender.append(audit, in: tx)
            return next
        }
    }

    /// The replacement inside a caller's transaction (also used when an approved proposal is applied).
    static func replaceRoutes(_ rules: [RouteRule], expectedVersion: Int64?, at time: Timestamp, in tx: PostgresTransaction) async throws -> Int64 {
        let (version, _) = try await routeState(tx, lock: true)
        if let expectedVersion, expectedVersion != version {
            throw HeraldError.routesVersionConflict(expected: expectedVersion, actual: version)
        }
        try await tx.execute("DELETE FROM route_rule_links")
        try await tx.execute("DELETE FROM route_rules")
        try await RouteRuleTable.insert(rules, in: tx)
        let next = version + 1
        try await tx.execute("UPDATE route_state SET version = ?, updated_at = ? WHERE id = 1", [next, time.millisecondsSince1970])
        return next
    }

    static func routeState(_ tx: PostgresTransaction, lock: Bool = false) async throws -> (version: Int64, updatedAt: Timestamp?) {
        guard let row = try await tx.row("SELECT version, updated_at FROM route_state WHERE id = 1" + (lock ? " FOR UPDATE" : "")) else {
            throw PostgresStoreError.corrupt("routes version", "missing row")
        }
        var r = PostgresRowReader(row)
        return (try r.next(Int64.self), try r.optionalTimestamp())
    }
}
