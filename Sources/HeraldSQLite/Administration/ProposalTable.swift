import GRDB
import HeraldCore

/// Column mapping of ``Proposal`` to the `proposals` table (the change as JSON).
enum ProposalTable {
    static let columns = "id, change, digest, note, proposed_by, status, created_at, expires_at, decided_by, decided_at, decision_note"

    static let insert = "INSERT INTO proposals (kind, target, \(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    static let select = "SELECT \(columns) FROM proposals"

    static let close = """
        UPDATE proposals SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ? AND status = 'pending'
        """

    static func arguments(_ p: Proposal) throws -> StatementArguments {
        [
            p.kind, p.change.target, p.id.rawValue, try JSONText.encode(p.change), p.digest, p.note, p.proposedBy, p.status.rawValue,
            p.createdAt.millisecondsSince1970, p.expiresAt.millisecondsSince1970, p.decidedBy, p.decidedAt?.millisecondsSince1970, p.decisionNote,
        ]
    }

    static func decode(_ row: Row) throws -> Proposal {
        var r = RowReader(row)
        let id = ProposalID(unchecked: try r.next())
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

    static func find(_ id: ProposalID, in db: Database) throws -> Proposal? {
        try Row.fetchOne(db.cachedStatement(sql: "\(select) WHERE id = ?"), arguments: [id.rawValue]).map(decode)
    }
}
