import HeraldCore
import PostgresNIO

/// Column mapping of ``Proposal`` to the `proposals` table (the change as JSON).
enum ProposalTable {
    static let columns = "id, change, digest, note, proposed_by, status, created_at, expires_at, decided_by, decided_at, decision_note"

    static let insert = "INSERT INTO proposals (kind, target, \(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    static let select = "SELECT \(columns) FROM proposals"

    static let close = """
        UPDATE proposals SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ? AND status = 'pending'
        """

    static func arguments(_ p: Proposal) throws -> [any PostgresBindable] {
        [
            p.kind, p.change.target, p.id.rawValue, try JSONText.encode(p.change), p.digest, p.note, p.proposedBy, p.status.rawValue,
            p.createdAt.millisecondsSince1970, p.expiresAt.millisecondsSince1970, p.decidedBy, p.decidedAt?.millisecondsSince1970, p.decisionNote,
        ]
    }

    static func decode(_ row: PostgresRow) throws -> Proposal {
        var r = PostgresRowReader(row)
        let id = ProposalID(unchecked: try r.next(String.self))
        let change = try r.json(ProposalChange.self, "proposal change")
        let digest: String = try r.next()
        var proposal = Proposal(
            id: id, change: change, note: try r.next(), proposedBy: try r.next(), status: try r.enumeration(ProposalStatus.self, "proposal status"),
            createdAt: try r.timestamp(), expiresAt: try r.timestamp(), decidedBy: try r.next(), decidedAt: try r.optionalTimestamp(),
            decisionNote: try r.next())
        // The digest as recorded when proposed (what the audit log quotes), not as recomputed now.
        proposal.digest = digest
        return proposal
    }

    /// The proposal, locked for the rest of the transaction when `lock` (an approval or a close in progress).
    static func find(_ id: ProposalID, lock: Bool = false, in tx: PostgresTransaction) async throws -> Proposal? {
        try await tx.row("\(select) WHERE id = ?" + (lock ? " FOR UPDATE" : ""), [id.rawValue]).map(decode)
    }
}
