import GRDB
import HeraldCore

/// The ``ProposalStore`` port: an approval checks, flips and applies in one write transaction.
extension SQLiteHeraldStore: ProposalStore {
    public func insertProposal(_ proposal: Proposal, audit: [AuditEvent]) async throws {
        try await write("inserting proposal \(proposal.id)") { db in
            try db.cachedStatement(sql: ProposalTable.insert).execute(arguments: ProposalTable.arguments(proposal))
            try self.auditAppender.append(audit, in: db)
        }
    }

    public func proposal(_ id: ProposalID) async throws -> Proposal? {
        try await read("reading proposal \(id)") { db in try ProposalTable.find(id, in: db) }
    }

    public func proposals(status: ProposalStatus?, limit: Int) async throws -> [Proposal] {
        try await read("listing proposals") { db in
            if let status {
                return try Row.fetchAll(
                    db.cachedStatement(sql: "\(ProposalTable.select) WHERE status = ? ORDER BY id DESC LIMIT ?"), arguments: [status.rawValue, max(0, limit)]
                ).map(ProposalTable.decode)
            }
            return try Row.fetchAll(db.cachedStatement(sql: "\(ProposalTable.select) ORDER BY id DESC LIMIT ?"), arguments: [max(0, limit)])
                .map(ProposalTable.decode)
        }
    }

    public func expiredPendingProposals(at time: Timestamp, limit: Int) async throws -> [Proposal] {
        try await read("listing expired proposals") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "\(ProposalTable.select) WHERE status = 'pending' AND expires_at <= ? ORDER BY expires_at, id LIMIT ?"),
                arguments: [time.millisecondsSince1970, max(0, limit)]
            ).map(ProposalTable.decode)
        }
    }

    public func closeProposal(
        _ id: ProposalID, as status: ProposalStatus, by actor: String, at time: Timestamp, note: String?, audit: [AuditEvent]
    ) async throws -> Bool {
        guard [.rejected, .expired, .superseded].contains(status) else {
            throw HeraldError(.internal, code: "internal_error", "a proposal is closed as rejected, expired or superseded, not \(status.rawValue)")
        }
        return try await write("closing proposal \(id)") { db in
            try Self.close(id, as: status, by: actor, at: time, note: note, in: db)
            guard db.changesCount == 1 else { return false }
            try self.auditAppender.append(audit, in: db)
            return true
        }
    }

    public func approveProposal(
        _ id: ProposalID, approver: String, at time: Timestamp, audit: @escaping @Sendable (ProposalApprovalOutcome) -> [AuditEvent]
    ) async throws -> ProposalApprovalOutcome {
        try await write("approving proposal \(id)") { db in
            let outcome = try Self.approve(id, approver: approver, at: time, in: db)
            try self.auditAppender.append(audit(outcome), in: db)
            return outcome
        }
    }

    // MARK: Inside the approval transaction

    private static func approve(_ id: ProposalID, approver: String, at time: Timestamp, in db: Database) throws -> ProposalApprovalOutcome {
        guard var proposal = try ProposalTable.find(id, in: db) else { return .notFound }
        guard proposal.status == .pending else { return .notPending(proposal) }
        guard proposal.proposedBy != approver else { return .selfApproval(proposal) }
        if proposal.isExpired(at: time) {
            try close(id, as: .expired, by: "system:proposals", at: time, note: nil, in: db)
            proposal.status = .expired
            proposal.decidedBy = "system:proposals"
            proposal.decidedAt = time
            return .expired(proposal)
        }
        if let reason = try staleness(of: proposal.change, in: db) {
            try close(id, as: .superseded, by: approver, at: time, note: reason, in: db)
            proposal.status = .superseded
            proposal.decidedBy = approver
            proposal.decidedAt = time
            proposal.decisionNote = reason
            return .stale(proposal, reason: reason)
        }
        // The two-person rule in the statement itself: a pending proposal, approved by someone else.
        try db.cachedStatement(sql: """
            UPDATE proposals SET status = 'approved', decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending' AND proposed_by <> ?
            """).execute(arguments: [approver, time.millisecondsSince1970, id.rawValue, approver])
        guard db.changesCount == 1 else { return .notPending(proposal) }
        proposal.status = .approved
        proposal.decidedBy = approver
        proposal.decidedAt = time
        try apply(proposal, approver: approver, at: time, in: db)
        var superseded: [ProposalID] = []
        if proposal.change.supersedesSameTarget {
            let others = try String.fetchAll(
                db.cachedStatement(sql: "SELECT id FROM proposals WHERE target = ? AND status = 'pending' AND id <> ? ORDER BY id"),
                arguments: [proposal.change.target, id.rawValue])
            for other in others.map(ProposalID.init(unchecked:)) {
                try close(other, as: .superseded, by: approver, at: time, note: "\(id) changed \(proposal.change.target) first", in: db)
                superseded.append(other)
            }
        }
        return .approved(proposal, superseded: superseded)
    }

    private static func close(_ id: ProposalID, as status: ProposalStatus, by actor: String, at time: Timestamp, note: String?, in db: Database) throws {
        try db.cachedStatement(sql: ProposalTable.close).execute(arguments: [status.rawValue, actor, time.millisecondsSince1970, note, id.rawValue])
    }

    /// Why the state the change was prepared against is gone, or nil when it is still in place.
    private static func staleness(of change: ProposalChange, in db: Database) throws -> String? {
        switch change {
        case .replaceRoutes(let replacement):
            let (version, _) = try routeState(db)
            return version == replacement.baseVersion ? nil : "the routes changed since (version \(replacement.baseVersion) then, \(version) now)"
        case .addCarrierLink(let definition):
            return try CarrierLinkTable.find(definition.id, in: db)?.isActive == true ? "a link '\(definition.id)' was added since" : nil
        case .changeCarrierLink(let update):
            return try linkStaleness(update.definition.id, baseRevision: update.baseRevision, in: db)
        case .removeCarrierLink(let removal):
            return try linkStaleness(removal.linkID, baseRevision: removal.baseRevision, in: db)
        case .raiseAccountLimits(let raise):
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(AccountTable.columns) FROM accounts WHERE id = ?"), arguments: [raise.accountID.rawValue]) else {
                return "account \(raise.accountID) no longer exists"
            }
            return try AccountTable.decode(row).limits == raise.from ? nil : "the account's limits changed since"
        case .raiseSMPPThroughput(let raise):
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(SMPPAccountTable.columns) FROM smpp_accounts WHERE account_id = ?"), arguments: [raise.accountID.rawValue]) else {
                return "account \(raise.accountID) no longer has SMPP access"
            }
            return try SMPPAccountTable.decode(row).throughput == raise.from ? nil : "the account's SMPP window or TPS changed since"
        case .changeRetention(let change):
            let revision = try SettingTable.retentionRecord(in: db)?.revision ?? 0
            return revision == change.baseRevision ? nil : "the retention settings changed since"
        case .exportMessages(let request):
            let exists = try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM accounts WHERE id = ?)"), arguments: [request.accountID.rawValue]) ?? false
            return exists ? nil : "account \(request.accountID) no longer exists"
        case .discloseSealedValues:
            return nil   // entries are only ever appended: a range that existed still does
        }
    }

    private static func linkStaleness(_ id: String, baseRevision: Int64, in db: Database) throws -> String? {
        guard let record = try CarrierLinkTable.find(id, in: db), record.isActive else { return "the link '\(id)' was removed since" }
        return record.revision == baseRevision ? nil : "the link '\(id)' changed since (revision \(baseRevision) then, \(record.revision) now)"
    }

    /// Applies an approved change.
    private static func apply(_ proposal: Proposal, approver: String, at time: Timestamp, in db: Database) throws {
        switch proposal.change {
        case .replaceRoutes(let replacement):
            _ = try replaceRoutes(replacement.rules, expectedVersion: replacement.baseVersion, at: time, in: db)
        case .addCarrierLink(let definition):
            let revision = (try CarrierLinkTable.find(definition.id, in: db)?.revision ?? 0) + 1
            try CarrierLinkTable.upsert(
                CarrierLinkRecord(definition: definition, revision: revision, origin: .proposal, createdAt: time, updatedAt: time), in: db)
        case .changeCarrierLink(let update):
            guard var record = try CarrierLinkTable.find(update.definition.id, in: db) else { return }
            record.definition = update.definition
            record.revision += 1
            record.updatedAt = time
            try CarrierLinkTable.upsert(record, in: db)
        case .removeCarrierLink(let removal):
            guard var record = try CarrierLinkTable.find(removal.linkID, in: db) else { return }
            record.revision += 1
            record.updatedAt = time
            record.removedAt = time
            try CarrierLinkTable.upsert(record, in: db)
        case .raiseAccountLimits(let raise):
            try db.cachedStatement(sql: "UPDATE accounts SET limits = ? WHERE id = ?")
                .execute(arguments: [try JSONText.encode(raise.to), raise.accountID.rawValue])
        case .raiseSMPPThroughput(let raise):
            try db.cachedStatement(sql: "UPDATE smpp_accounts SET window_size = ?, tps = ?, updated_at = ? WHERE account_id = ?")
                .execute(arguments: [raise.to.window, raise.to.messagesPerSecond, time.millisecondsSince1970, raise.accountID.rawValue])
        case .changeRetention(let change):
            try SettingTable.storeRetention(change.to, revision: change.baseRevision + 1, at: time, in: db)
        case .exportMessages(let request):
            let export = MessageExport(
                id: proposal.id, accountID: request.accountID, from: request.from, to: request.to, proposedBy: proposal.proposedBy, approvedBy: approver,
                approvedAt: time, expiresAt: time.adding(MessageExport.downloadWindow))
            try db.cachedStatement(sql: MessageExportTable.insert).execute(arguments: MessageExportTable.arguments(export))
        case .discloseSealedValues(let request):
            let disclosure = SealedValueDisclosure(
                id: proposal.id, entries: request.entries, requestedBy: proposal.proposedBy, approvedBy: approver, approvedAt: time,
                expiresAt: time.adding(SealedValueDisclosure.downloadWindow))
            try db.cachedStatement(sql: SealedValueDisclosureTable.insert).execute(arguments: SealedValueDisclosureTable.arguments(disclosure))
        }
    }
}
