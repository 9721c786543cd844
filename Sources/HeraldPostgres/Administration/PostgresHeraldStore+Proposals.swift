import HeraldCore

/// The ``ProposalStore`` port: an approval checks, flips and applies in one transaction. It holds the
/// administration lock and the proposal's row lock throughout, so two approvals racing on two nodes are
/// decided one after the other, the second seeing the first's change (and going stale on it).
extension PostgresHeraldStore: ProposalStore {
    public func insertProposal(_ proposal: Proposal, audit: [AuditEvent]) async throws {
        try await write("inserting proposal \(proposal.id)") { tx in
            try await tx.execute(ProposalTable.insert, try ProposalTable.arguments(proposal))
            try await self.auditAppender.append(audit, in: tx)
        }
    }

    public func proposal(_ id: ProposalID) async throws -> Proposal? {
        try await read("reading proposal \(id)") { tx in try await ProposalTable.find(id, in: tx) }
    }

    public func proposals(status: ProposalStatus?, limit: Int) async throws -> [Proposal] {
        try await read("listing proposals") { tx in
            if let status {
                return try await tx.rows("\(ProposalTable.select) WHERE status = ? ORDER BY id DESC LIMIT ?", [status.rawValue, max(0, limit)])
                    .map(ProposalTable.decode)
            }
            return try await tx.rows("\(ProposalTable.select) ORDER BY id DESC LIMIT ?", [max(0, limit)]).map(ProposalTable.decode)
        }
    }

    public func expiredPendingProposals(at time: Timestamp, limit: Int) async throws -> [Proposal] {
        try await read("listing expired proposals") { tx in
            try await tx.rows(
                "\(ProposalTable.select) WHERE status = 'pending' AND expires_at <= ? ORDER BY expires_at, id LIMIT ?", [time.millisecondsSince1970, max(0, limit)]
            ).map(ProposalTable.decode)
        }
    }

    public func closeProposal(
        _ id: ProposalID, as status: ProposalStatus, by actor: String, at time: Timestamp, note: String?, audit: [AuditEvent]
    ) async throws -> Bool {
        guard [.rejected, .expired, .superseded].contains(status) else {
            throw HeraldError(.internal, code: "internal_error", "a proposal is closed as rejected, expired or superseded, not \(status.rawValue)")
        }
        return try await write("closing proposal \(id)") { tx in
            guard try await Self.close(id, as: status, by: actor, at: time, note: note, in: tx) == 1 else { return false }
            try await self.auditAppender.append(audit, in: tx)
            return true
        }
    }

    public func approveProposal(
        _ id: ProposalID, approver: String, at time: Timestamp, audit: @escaping @Sendable (ProposalApprovalOutcome) -> [AuditEvent]
    ) async throws -> ProposalApprovalOutcome {
        try await write("approving proposal \(id)") { tx in
            try await tx.execute(PostgresLocks.administration)
            let outcome = try await Self.approve(id, approver: approver, at: time, in: tx)
            try await self.auditAppender.append(audit(outcome), in: tx)
            return outcome
        }
    }

    // MARK: Inside the approval transaction

    private static func approve(_ id: ProposalID, approver: String, at time: Timestamp, in tx: PostgresTransaction) async throws -> ProposalApprovalOutcome {
        guard var proposal = try await ProposalTable.find(id, lock: true, in: tx) else { return .notFound }
        guard proposal.status == .pending else { return .notPending(proposal) }
        guard proposal.proposedBy != approver else { return .selfApproval(proposal) }
        if proposal.isExpired(at: time) {
            try await close(id, as: .expired, by: "system:proposals", at: time, note: nil, in: tx)
            proposal.status = .expired
            proposal.decidedBy = "system:proposals"
            proposal.decidedAt = time
            return .expired(proposal)
        }
        if let reason = try await staleness(of: proposal.change, in: tx) {
            try await close(id, as: .superseded, by: approver, at: time, note: reason, in: tx)
            proposal.status = .superseded
            proposal.decidedBy = approver
            proposal.decidedAt = time
            proposal.decisionNote = reason
            return .stale(proposal, reason: reason)
        }
        // The two-person rule in the statement itself: a pending proposal, approved by someone else.
        let flipped = try await tx.changes(
            "UPDATE proposals SET status = 'approved', decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending' AND proposed_by <> ?",
            [approver, time.millisecondsSince1970, id.rawValue, approver])
        guard flipped == 1 else { return .notPending(proposal) }
        proposal.status = .approved
        proposal.decidedBy = approver
        proposal.decidedAt = time
        try await apply(proposal, approver: approver, at: time, in: tx)
        var superseded: [ProposalID] = []
        if proposal.change.supersedesSameTarget {
            let others = try await tx.rows(
                "SELECT id FROM proposals WHERE target = ? AND status = 'pending' AND id <> ? ORDER BY id FOR UPDATE", [proposal.change.target, id.rawValue]
            ).map { row in
                var reader = PostgresRowReader(row)
                return ProposalID(unchecked: try reader.next(String.self))
            }
            for other in others {
                try await close(other, as: .superseded, by: approver, at: time, note: "\(id) changed \(proposal.change.target) first", in: tx)
                superseded.append(other)
            }
        }
        return .approved(proposal, superseded: superseded)
    }

    @discardableResult
    private static func close(_ id: ProposalID, as status: ProposalStatus, by actor: String, at time: Timestamp, note: String?, in tx: PostgresTransaction) async throws -> Int {
        try await tx.changes(ProposalTable.close, [status.rawValue, actor, time.millisecondsSince1970, note, id.rawValue])
    }

    /// Why the state the change was prepared against is gone, or nil when it is still in place. Rows that
    /// other writers may change outside approvals (accounts, SMPP access) are locked as they are read.
    private static func staleness(of change: ProposalChange, in tx: PostgresTransaction) async throws -> String? {
        switch change {
        case .replaceRoutes(let replacement):
            let (version, _) = try await routeState(tx)
            return version == replacement.baseVersion ? nil : "the routes changed since (version \(replacement.baseVersion) then, \(version) now)"
        case .addCarrierLink(let definition):
            return try await CarrierLinkTable.find(definition.id, in: tx)?.isActive == true ? "a link '\(definition.id)' was added since" : nil
        case .changeCarrierLink(let update):
            return try await linkStaleness(update.definition.id, baseRevision: update.baseRevision, in: tx)
        case .removeCarrierLink(let removal):
            return try await linkStaleness(removal.linkID, baseRevision: removal.baseRevision, in: tx)
        case .raiseAccountLimits(let raise):
            guard let row = try await tx.row("SELECT \(AccountTable.columns) FROM accounts WHERE id = ? FOR UPDATE", [raise.accountID.rawValue]) else {
                return "account \(raise.accountID) no longer exists"
            }
            return try AccountTable.decode(row).limits == raise.from ? nil : "the account's limits changed since"
        case .raiseSMPPThroughput(let raise):
            guard let row = try await tx.row(
                "SELECT \(SMPPAccountTable.columns) FROM smpp_accounts WHERE account_id = ? FOR UPDATE", [raise.accountID.rawValue]) else {
                return "account \(raise.accountID) no longer has SMPP access"
            }
            return try SMPPAccountTable.decode(row).throughput == raise.from ? nil : "the account's SMPP window or TPS changed since"
        case .changeRetention(let change):
            let revision = try await SettingTable.retentionRecord(in: tx)?.revision ?? 0
            return revision == change.baseRevision ? nil : "the retention settings changed since"
        case .exportMessages(let request):
            let exists = try await tx.row("SELECT 1 FROM accounts WHERE id = ? FOR SHARE", [request.accountID.rawValue]) != nil
            return exists ? nil : "account \(request.accountID) no longer exists"
        case .discloseSealedValues:
            return nil   // entries are only ever appended: a range that existed still does
        }
    }

    private static func linkStaleness(_ id: String, baseRevision: Int64, in tx: PostgresTransaction) async throws -> String? {
        guard let record = try await CarrierLinkTable.find(id, in: tx), record.isActive else { return "the link '\(id)' was removed since" }
        return record.revision == baseRevision ? nil : "the link '\(id)' changed since (revision \(baseRevision) then, \(record.revision) now)"
    }

    /// Applies an approved change.
    private static func apply(_ proposal: Proposal, approver: String, at time: Timestamp, in tx: PostgresTransaction) async throws {
        switch proposal.change {
        case .replaceRoutes(let replacement):
            _ = try await replaceRoutes(replacement.rules, expectedVersion: replacement.baseVersion, at: time, in: tx)
        case .addCarrierLink(let definition):
            let revision = (try await CarrierLinkTable.find(definition.id, in: tx)?.revision ?? 0) + 1
            try await CarrierLinkTable.upsert(
                CarrierLinkRecord(definition: definition, revision: revision, origin: .proposal, createdAt: time, updatedAt: time), in: tx)
        case .changeCarrierLink(let update):
            guard var record = try await CarrierLinkTable.find(update.definition.id, in: tx) else { return }
            record.definition = update.definition
            record.revision += 1
            record.updatedAt = time
            try await CarrierLinkTable.upsert(record, in: tx)
        case .removeCarrierLink(let removal):
            guard var record = try await CarrierLinkTable.find(removal.linkID, in: tx) else { return }
            record.revision += 1
            record.updatedAt = time
            record.removedAt = time
            try await CarrierLinkTable.upsert(record, in: tx)
        case .raiseAccountLimits(let raise):
            try await tx.execute("UPDATE accounts SET limits = ? WHERE id = ?", [try JSONText.encode(raise.to), raise.accountID.rawValue])
        case .raiseSMPPThroughput(let raise):
            try await tx.execute(
                "UPDATE smpp_accounts SET window_size = ?, tps = ?, updated_at = ? WHERE account_id = ?",
                [raise.to.window, raise.to.messagesPerSecond, time.millisecondsSince1970, raise.accountID.rawValue])
        case .changeRetention(let change):
            try await SettingTable.storeRetention(change.to, revision: change.baseRevision + 1, at: time, in: tx)
        case .exportMessages(let request):
            let export = MessageExport(
                id: proposal.id, accountID: request.accountID, from: request.from, to: request.to, proposedBy: proposal.proposedBy, approvedBy: approver,
                approvedAt: time, expiresAt: time.adding(MessageExport.downloadWindow))
            try await tx.execute(MessageExportTable.insert, MessageExportTable.arguments(export))
        case .discloseSealedValues(let request):
            let disclosure = SealedValueDisclosure(
                id: proposal.id, entries: request.entries, requestedBy: proposal.proposedBy, approvedBy: approver, approvedAt: time,
                expiresAt: time.adding(SealedValueDisclosure.downloadWindow))
            try await tx.execute(SealedValueDisclosureTable.insert, SealedValueDisclosureTable.arguments(disclosure))
        }
    }
}
