import GRDB
import HeraldCore

extension SQLiteHeraldStore {
    /// One statement picks and leases: the oldest due messages of each claimable status come from the
    /// `(status, next_attempt_at)` index in order, the two short lists are merged and cut to `limit`, and the
    /// chosen rows get the lease. It runs in the single write transaction, so no two claimants get one message.
    static let claimMessages = """
        UPDATE messages SET lease_owner = ?1, lease_until = ?2
        WHERE id IN (
            SELECT id FROM (
                SELECT id, next_attempt_at FROM (
                    SELECT id, next_attempt_at FROM messages
                    WHERE status = 'accepted' AND next_attempt_at <= ?3 AND (lease_until IS NULL OR lease_until <= ?3)
                        AND (body_policy <> 'ephemeral' OR origin_node = ?1)
                    ORDER BY next_attempt_at LIMIT ?4)
                UNION ALL
                SELECT id, next_attempt_at FROM (
                    SELECT id, next_attempt_at FROM messages
                    WHERE status = 'queued' AND next_attempt_at <= ?3 AND (lease_until IS NULL OR lease_until <= ?3)
                        AND (body_policy <> 'ephemeral' OR origin_node = ?1)
                    ORDER BY next_attempt_at LIMIT ?4)
            )
            ORDER BY next_attempt_at LIMIT ?4)
        RETURNING \(MessageTable.columns)
        """

    /// Due messages oldest first (by `nextAttemptAt`, then id).
    public func claimDueMessages(now: Timestamp, limit: Int, owner: String, leaseUntil: Timestamp) async throws -> [Message] {
        guard limit > 0 else { return [] }
        return try await write("claiming due messages") { db in
            var claimed = try Row.fetchAll(
                db.cachedStatement(sql: Self.claimMessages),
                arguments: [owner, leaseUntil.millisecondsSince1970, now.millisecondsSince1970, limit]
            ).map { try MessageTable.decode($0) }
            claimed.sort { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
            return claimed
        }
    }

    /// Releases message leases only: webhook leases are short and held by a webhook dispatcher that may already
    /// be running (releasing them could let another node send a webhook twice).
    public func releaseClaims(owner: String) async throws {
        try await write("releasing claims of \(owner)") { db in
            // Only claimable messages carry leases (every save clears them), so the status index finds them all.
            try db.cachedStatement(sql: """
                UPDATE messages SET lease_owner = NULL, lease_until = NULL
                WHERE status IN ('accepted', 'queued') AND lease_owner = ?
                """).execute(arguments: [owner])
        }
    }
}
