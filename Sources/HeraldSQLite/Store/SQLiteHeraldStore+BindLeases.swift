import GRDB
import HeraldCore

/// Bind leases and node heartbeats, with the same upsert rule as the PostgreSQL store: a slot's lease is
/// overwritten only when it expired or belongs to the caller.
extension SQLiteHeraldStore: BindLeaseStore {
    /// A SQLite database serves one node: nobody else takes its slots.
    public var isSharedByNodes: Bool { false }

    static let acquireBindLease = """
        INSERT INTO bind_leases (link_id, slot, owner, expires_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (link_id, slot) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
        WHERE bind_leases.expires_at <= ? OR bind_leases.owner = excluded.owner
        """

    public func recordNodeHeartbeat(node: String, at now: Timestamp, expiresAt: Timestamp) async throws -> [String] {
        try await write("recording the heartbeat of \(node)") { db in
            try db.execute(sql: "DELETE FROM cluster_nodes WHERE expires_at <= ? AND node_id <> ?", arguments: [now.millisecondsSince1970, node])
            // An expired lease is a free slot; dropping it keeps the table to the links in service.
            try db.execute(sql: "DELETE FROM bind_leases WHERE expires_at <= ?", arguments: [now.millisecondsSince1970])
            try db.execute(sql: """
                INSERT INTO cluster_nodes (node_id, expires_at) VALUES (?, ?)
                ON CONFLICT (node_id) DO UPDATE SET expires_at = excluded.expires_at
                """, arguments: [node, expiresAt.millisecondsSince1970])
            return try String.fetchAll(
                db, sql: "SELECT node_id FROM cluster_nodes WHERE expires_at > ? ORDER BY node_id", arguments: [now.millisecondsSince1970])
        }
    }

    public func acquireBindLeases(_ slots: [BindSlot], owner: String, at now: Timestamp, expiresAt: Timestamp) async throws -> Set<BindSlot> {
        guard !slots.isEmpty else { return [] }
        let ordered = Set(slots).sorted()
        return try await write("acquiring bind leases for \(owner)") { db in
            var granted: Set<BindSlot> = []
            for slot in ordered {
                try db.cachedStatement(sql: Self.acquireBindLease).execute(arguments: [
                    slot.linkID, slot.index, owner, expiresAt.millisecondsSince1970, now.millisecondsSince1970,
                ])
                if db.changesCount == 1 { granted.insert(slot) }
            }
            return granted
        }
    }

    public func releaseBindLeases(_ slots: [BindSlot], owner: String) async throws {
        guard !slots.isEmpty else { return }
        try await write("releasing bind leases of \(owner)") { db in
            for slot in Set(slots).sorted() {
                try db.execute(
                    sql: "DELETE FROM bind_leases WHERE link_id = ? AND slot = ? AND owner = ?", arguments: [slot.linkID, slot.index, owner])
            }
        }
    }

    public func retireNode(_ node: String) async throws {
        try await write("retiring node \(node)") { db in
            try db.execute(sql: "DELETE FROM bind_leases WHERE owner = ?", arguments: [node])
            try db.execute(sql: "DELETE FROM cluster_nodes WHERE node_id = ?", arguments: [node])
        }
    }

    public func bindLeases(at now: Timestamp) async throws -> [BindLease] {
        try await read("reading bind leases") { db in
            try Row.fetchAll(
                db, sql: "SELECT link_id, slot, owner, expires_at FROM bind_leases WHERE expires_at > ? ORDER BY link_id, slot",
                arguments: [now.millisecondsSince1970]
            ).map { row in
                BindLease(
                    slot: BindSlot(linkID: row[0], index: row[1]), owner: row[2],
                    expiresAt: Timestamp(millisecondsSince1970: row[3]))
            }
        }
    }
}
