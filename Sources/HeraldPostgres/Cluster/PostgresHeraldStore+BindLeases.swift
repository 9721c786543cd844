import HeraldCore

/// Bind leases and node heartbeats: each slot is taken with one upsert whose `WHERE` lets it overwrite only
/// an expired lease or the caller's own, so of two nodes racing for a slot exactly one gets it (the row lock
/// of `ON CONFLICT DO UPDATE` serialises them, and the loser's re-checked condition fails).
extension PostgresHeraldStore: BindLeaseStore {
    /// Every node of the cluster shares the database.
    public var isSharedByNodes: Bool { true }

    static let acquireBindLease = """
        INSERT INTO bind_leases (link_id, slot, owner, expires_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (link_id, slot) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
        WHERE bind_leases.expires_at <= $5 OR bind_leases.owner = EXCLUDED.owner
        RETURNING slot
        """

    public func recordNodeHeartbeat(node: String, at now: Timestamp, expiresAt: Timestamp) async throws -> [String] {
        try await write("recording the heartbeat of \(node)") { tx in
            try await tx.execute("DELETE FROM cluster_nodes WHERE expires_at <= ? AND node_id <> ?", [now.millisecondsSince1970, node])
            // An expired lease is a free slot; dropping it keeps the table to the links in service.
            try await tx.execute("DELETE FROM bind_leases WHERE expires_at <= ?", [now.millisecondsSince1970])
            try await tx.execute("""
                INSERT INTO cluster_nodes (node_id, expires_at) VALUES (?, ?)
                ON CONFLICT (node_id) DO UPDATE SET expires_at = EXCLUDED.expires_at
                """, [node, expiresAt.millisecondsSince1970])
            return try await tx.rows("SELECT node_id FROM cluster_nodes WHERE expires_at > ? ORDER BY node_id", [now.millisecondsSince1970])
                .map { row in
                    var reader = PostgresRowReader(row)
                    return try reader.next(String.self)
                }
        }
    }

    public func acquireBindLeases(_ slots: [BindSlot], owner: String, at now: Timestamp, expiresAt: Timestamp) async throws -> Set<BindSlot> {
        guard !slots.isEmpty else { return [] }
        // Slot order everywhere, so two nodes taking several slots never wait on each other in a cycle.
        let ordered = Set(slots).sorted()
        return try await write("acquiring bind leases for \(owner)") { tx in
            var granted: Set<BindSlot> = []
            for slot in ordered {
                let rows = try await tx.rows(Self.acquireBindLease, [
                    slot.linkID, slot.index, owner, expiresAt.millisecondsSince1970, now.millisecondsSince1970,
                ])
                if !rows.isEmpty { granted.insert(slot) }
            }
            return granted
        }
    }

    public func releaseBindLeases(_ slots: [BindSlot], owner: String) async throws {
        guard !slots.isEmpty else { return }
        try await write("releasing bind leases of \(owner)") { tx in
            for slot in Set(slots).sorted() {
                try await tx.execute("DELETE FROM bind_leases WHERE link_id = ? AND slot = ? AND owner = ?", [slot.linkID, slot.index, owner])
            }
        }
    }

    public func retireNode(_ node: String) async throws {
        try await write("retiring node \(node)") { tx in
            try await tx.execute("DELETE FROM bind_leases WHERE owner = ?", [node])
            try await tx.execute("DELETE FROM cluster_nodes WHERE node_id = ?", [node])
        }
    }

    public func bindLeases(at now: Timestamp) async throws -> [BindLease] {
        try await read("reading bind leases") { tx in
            try await tx.rows("SELECT link_id, slot, owner, expires_at FROM bind_leases WHERE expires_at > ? ORDER BY link_id, slot", [now.millisecondsSince1970])
                .map { row in
                    var reader = PostgresRowReader(row)
                    let slot = BindSlot(linkID: try reader.next(String.self), index: try reader.int())
                    return BindLease(slot: slot, owner: try reader.next(String.self), expiresAt: try reader.timestamp())
                }
        }
    }
}
