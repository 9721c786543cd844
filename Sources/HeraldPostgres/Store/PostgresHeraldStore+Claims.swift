import Foundation
import HeraldCore

extension PostgresHeraldStore {
    /// Picks and leases in one statement: the oldest due, claimable rows are locked `FOR UPDATE SKIP LOCKED`,
    /// so a concurrent claimant on any node passes over them and takes the next ones instead of waiting or
    /// taking the same. A row whose lease another claimant committed meanwhile is re-checked by PostgreSQL
    /// against the live-lease condition and left out.
    static let claimMessages = """
        WITH due AS (
            SELECT id FROM messages
            WHERE status IN ('accepted', 'queued') AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
                AND (body_policy <> 'ephemeral' OR origin_node = $1)
            ORDER BY next_attempt_at, id
            LIMIT $4
            FOR UPDATE SKIP LOCKED)
        UPDATE messages SET lease_owner = $1, lease_until = $2
        FROM due WHERE messages.id = due.id
        RETURNING \(MessageTable.columns.split(separator: ",").map { "messages." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", "))
        """

    /// Due messages oldest first (by `nextAttemptAt`, then id).
    public func claimDueMessages(now: Timestamp, limit: Int, owner: String, leaseUntil: Timestamp) async throws -> [Message] {
        guard limit > 0 else { return [] }
        return try await write("claiming due messages") { tx in
            var claimed = try await tx.rows(Self.claimMessages, [owner, leaseUntil.millisecondsSince1970, now.millisecondsSince1970, limit])
                .map(MessageTable.decode)
            claimed.sort { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
            return claimed
        }
    }

    /// Releases message leases only: webhook leases are short and held by a webhook dispatcher that may already
    /// be running (releasing them could let another node send a webhook twice).
    public func releaseClaims(owner: String) async throws {
        try await write("releasing claims of \(owner)") { tx in
            try await tx.execute("""
                UPDATE messages SET lease_owner = NULL, lease_until = NULL
                WHERE status IN ('accepted', 'queued') AND lease_owner = ?
                """, [owner])
        }
    }
}
