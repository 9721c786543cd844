import Foundation

/// The two-person rule: turns sensitive changes into proposals, and applies a proposal only when an
/// operator other than its proposer approves it (in the approval's transaction). Every step is audited
/// with the change's digest; refused approvals are audited too.
///
/// ```swift
/// let proposal = try await proposals.proposeRoutes(rules, expectedVersion: nil, note: "add FR", by: alice.actor)
/// try await proposals.approve(proposal.id, by: bob.actor)      // alice.actor would get `self_approval`
/// ```
public struct ProposalService: Sendable {
    public struct Dependencies: Sendable {
        public var store: any AdministrationStore
        /// Compiles route rules; a proposal's rules must be valid for the links in service.
        public var routeValidator: any RouteRulesValidator
        /// Links the gateway runs that are not stored (the built-in simulator's `sim`): usable in routes,
        /// never changed by proposals.
        public var builtInLinkIDs: Set<String>
        /// The configuration file's retention, in force until a change is approved.
        public var configuredRetention: RetentionSettings
        public var clock: any HeraldClock
        public var random: any RandomSource
        /// Called after a proposal was approved and applied, so this node picks the change up at once
        /// (other nodes poll the store).
        public var onApproved: @Sendable (Proposal) async -> Void

        public init(
            store: any AdministrationStore, routeValidator: any RouteRulesValidator, builtInLinkIDs: Set<String> = [],
            configuredRetention: RetentionSettings, clock: any HeraldClock, random: any RandomSource,
            onApproved: @escaping @Sendable (Proposal) async -> Void = { _ in }
        ) {
            self.store = store
            self.routeValidator = routeValidator
            self.builtInLinkIDs = builtInLinkIDs
            self.configuredRetention = configuredRetention
            self.clock = clock
            self.random = random
            self.onApproved = onApproved
        }
    }

    /// 72 hours: how long a proposal waits for a decision by default.
    public static let defaultLifetime = Duration.seconds(72 * 3600)
    /// Longest proposer note.
    public static let maximumNoteLength = 500

    public let dependencies: Dependencies
    public let lifetime: Duration

    public init(dependencies: Dependencies, lifetime: Duration = ProposalService.defaultLifetime) {
        self.dependencies = dependencies
        self.lifetime = lifetime
    }

    private var store: any AdministrationStore { dependencies.store }

    // MARK: Reading

    public func proposal(_ id: ProposalID) async throws -> Proposal {
        guard let proposal = try await store.proposal(id) else { throw HeraldError.notFound("proposal \(id)") }
        return proposal
    }

    public func proposals(status: ProposalStatus? = nil, limit: Int = 100) async throws -> [Proposal] {
        try await store.proposals(status: status, limit: limit)
    }

    /// The retention in force: the approved settings, else the configuration's (revision 0).
    public func currentRetention() async throws -> RetentionRecord? {
        try await store.retentionRecord()
    }

    /// The retention settings in force and their revision (0 while the configuration's apply).
    public func effectiveRetention() async throws -> (settings: RetentionSettings, revision: Int64) {
        if let record = try await store.retentionRecord() { return (record.settings, record.revision) }
        return (dependencies.configuredRetention, 0)
    }

    /// The ids of every link in service: stored active links and built-in ones.
    public func linkIDsInService() async throws -> Set<String> {
        Set(try await store.carrierLinks().active.map(\.id)).union(dependencies.builtInLinkIDs)
    }

    // MARK: Proposing

    /// Proposes replacing every route rule. The rules must be valid for the links in service.
    ///
    /// - Parameter expectedVersion: The routes version the caller reviewed; when given and no longer in
    ///   force, refused with `routes_version_conflict`.
    public func proposeRoutes(_ rules: [RouteRule], expectedVersion: Int64?, note: String?, by actor: AuditActor) async throws -> Proposal {
        let version = try await store.routesVersion()
        if let expectedVersion, expectedVersion != version {
            throw HeraldError.routesVersionConflict(expected: expectedVersion, actual: version)
        }
        try dependencies.routeValidator.validate(rules, linkIDs: try await linkIDsInService())
        return try await submit(.replaceRoutes(RoutesReplacement(rules: rules, baseVersion: version)), note: note, by: actor)
    }

    /// Proposes a new carrier link.
    public func proposeCarrierLinkAddition(_ definition: CarrierLinkDefinition, note: String?, by actor: AuditActor) async throws -> Proposal {
        try definition.validate()
        let stored = try await store.carrierLinks().record(definition.id)
        if dependencies.builtInLinkIDs.contains(definition.id) || stored?.isActive == true {
            throw HeraldError(
                .conflict, code: "carrier_link_exists", "a carrier link '\(definition.id)' is already in service; propose a change to it instead")
        }
        return try await submit(.addCarrierLink(definition), note: note, by: actor)
    }

    /// Proposes new settings for a stored carrier link (its id cannot change).
    public func proposeCarrierLinkChange(_ definition: CarrierLinkDefinition, note: String?, by actor: AuditActor) async throws -> Proposal {
        let record = try await storedLink(definition.id)
        try definition.validate()
        return try await submit(.changeCarrierLink(CarrierLinkUpdate(definition: definition, baseRevision: record.revision)), note: note, by: actor)
    }

    /// Proposes removing a stored carrier link; refused while a route rule in force names it.
    public func proposeCarrierLinkRemoval(_ id: String, note: String?, by actor: AuditActor) async throws -> Proposal {
        let record = try await storedLink(id)
        try await checkNotRouted(id)
        return try await submit(.removeCarrierLink(CarrierLinkRemoval(linkID: id, baseRevision: record.revision)), note: note, by: actor)
    }

    /// Proposes raising an account's limits from those in force (`from`) to `to`.
    public func proposeLimitsRaise(accountID: AccountID, from: AccountLimits, to: AccountLimits, note: String?, by actor: AuditActor) async throws -> Proposal {
        try await submit(.raiseAccountLimits(AccountLimitsRaise(accountID: accountID, from: from, to: to)), note: note, by: actor)
    }

    /// Proposes raising an account's window or TPS on the customer SMPP listener from those in force (`from`) to `to`.
    public func proposeSMPPThroughputRaise(
        accountID: AccountID, from: SMPPThroughput, to: SMPPThroughput, note: String?, by actor: AuditActor
    ) async throws -> Proposal {
        try await submit(.raiseSMPPThroughput(SMPPThroughputRaise(accountID: accountID, from: from, to: to)), note: note, by: actor)
    }

    /// Proposes new retention settings.
    public func proposeRetention(_ settings: RetentionSettings, note: String?, by actor: AuditActor) async throws -> Proposal {
        try settings.validate()
        let (current, revision) = try await effectiveRetention()
        guard settings != current else {
            throw HeraldError.invalid("no_change", "these are the retention settings in force already")
        }
        return try await submit(.changeRetention(RetentionChange(from: current, to: settings, baseRevision: revision)), note: note, by: actor)
    }

    /// Proposes exporting an account's messages created in `[from, to)`.
    public func proposeExport(accountID: AccountID, from: Timestamp, to: Timestamp, note: String?, by actor: AuditActor) async throws -> Proposal {
        guard from < to, to.milliseconds(since: from) <= MessageExportRequest.maximumPeriod.components.seconds * 1000 else {
            throw HeraldError.invalid("invalid_export_period", "'from' must be before 'to', at most 366 days apart", field: "from")
        }
        guard try await store.account(accountID) != nil else { throw HeraldError.notFound("account \(accountID)") }
        return try await submit(.exportMessages(MessageExportRequest(accountID: accountID, from: from, to: to)), note: note, by: actor)
    }

    /// Proposes disclosing the sealed values of the audit entries `[firstIndex, endIndex)` to `actor` (an
    /// auditor). `logSize` is the current size of the log: only existing entries can be disclosed.
    public func proposeSealedValueDisclosure(
        firstIndex: UInt64, endIndex: UInt64, logSize: UInt64, note: String?, by actor: AuditActor
    ) async throws -> Proposal {
        let maximum = SealedValueDisclosureRequest.maximumEntries
        guard firstIndex < endIndex, endIndex - firstIndex <= maximum else {
            throw HeraldError.invalid(
                "invalid_disclosure_range", "'first_index' must be below 'end_index' (exclusive), at most \(maximum) entries apart", field: "first_index")
        }
        guard endIndex <= logSize else {
            throw HeraldError.invalid(
                "invalid_disclosure_range", "the log has \(logSize) entries: 'end_index' may be at most \(logSize)", field: "end_index")
        }
        guard let note = note?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty else {
            throw HeraldError.invalid("invalid_note", "say why the values are needed: 'note' is required for a disclosure", field: "note")
        }
        return try await submit(.discloseSealedValues(SealedValueDisclosureRequest(firstIndex: firstIndex, endIndex: endIndex)), note: note, by: actor)
    }

    private func submit(_ change: ProposalChange, note: String?, by actor: AuditActor) async throws -> Proposal {
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let note, note.count > Self.maximumNoteLength {
            throw HeraldError.invalid("invalid_note", "a note may have at most \(Self.maximumNoteLength) characters", field: "note")
        }
        let now = dependencies.clock.now()
        let proposal = Proposal(
            id: ProposalID.generate(at: now, random: dependencies.random), change: change, note: note?.isEmpty == true ? nil : note,
            proposedBy: actor.description, createdAt: now, expiresAt: now.adding(lifetime))
        try await store.insertProposal(proposal, audit: [
            AuditEvent(
                at: now, actor: actor, action: "proposal.create", target: proposal.id.rawValue, outcome: "proposed",
                details: ["kind": proposal.kind, "target": change.target, "digest": proposal.digest, "expires_at": proposal.expiresAt.iso8601]),
        ])
        return proposal
    }

    // MARK: Deciding

    /// Approves a proposal and applies its change in the same transaction.
    ///
    /// - Throws: `not_found`, `self_approval` (the proposer cannot approve), `proposal_not_pending` (already
    ///   decided: a second approval is refused), `proposal_expired`, `proposal_stale` (what it was prepared
    ///   against changed, e.g. the routes version). Each refusal is audited.
    @discardableResult
    public func approve(_ id: ProposalID, by actor: AuditActor) async throws -> Proposal {
        let now = dependencies.clock.now()
        if let proposal = try await store.proposal(id), proposal.status == .pending, proposal.proposedBy != actor.description,
           !proposal.isExpired(at: now), let reason = try await invalidity(of: proposal.change) {
            // The change no longer fits the gateway (a link it names was removed, say): supersede it.
            if try await store.closeProposal(id, as: .superseded, by: actor.description, at: now, note: reason, audit: [
                Self.superseded(proposal, reason: reason, by: actor, at: now),
                Self.refusedApproval(proposal.id, reason: "stale", by: actor, at: now, digest: proposal.digest),
            ]) {
                throw HeraldError.proposalStale(proposal, reason: reason)
            }
        }
        let outcome = try await store.approveProposal(id, approver: actor.description, at: now) { outcome in
            Self.auditEvents(for: outcome, by: actor, at: now)
        }
        switch outcome {
        case .approved(let proposal, _):
            await dependencies.onApproved(proposal)
            return proposal
        case .notFound: throw HeraldError.notFound("proposal \(id)")
        case .notPending(let proposal): throw HeraldError.proposalNotPending(proposal)
        case .selfApproval(let proposal): throw HeraldError.selfApproval(proposal.id)
        case .expired(let proposal): throw HeraldError.proposalExpired(proposal)
        case .stale(let proposal, let reason): throw HeraldError.proposalStale(proposal, reason: reason)
        }
    }

    /// Rejects a pending proposal (its proposer may withdraw it this way too).
    @discardableResult
    public func reject(_ id: ProposalID, reason: String?, by actor: AuditActor) async throws -> Proposal {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let reason, reason.count > Self.maximumNoteLength {
            throw HeraldError.invalid("invalid_note", "a reason may have at most \(Self.maximumNoteLength) characters", field: "reason")
        }
        let proposal = try await self.proposal(id)
        let now = dependencies.clock.now()
        guard proposal.status == .pending else {
            try await store.appendAudit([Self.refusal(action: "proposal.reject", proposal.id, reason: "not_pending", by: actor, at: now, digest: proposal.digest)])
            throw HeraldError.proposalNotPending(proposal)
        }
        if proposal.isExpired(at: now) {
            _ = try await expire(proposal, at: now)
            throw HeraldError.proposalExpired(proposal)
        }
        var details = ["kind": proposal.kind, "digest": proposal.digest, "proposed_by": proposal.proposedBy]
        if let reason, !reason.isEmpty { details["reason"] = reason }
        let closed = try await store.closeProposal(id, as: .rejected, by: actor.description, at: now, note: reason?.isEmpty == true ? nil : reason, audit: [
            AuditEvent(at: now, actor: actor, action: "proposal.reject", target: id.rawValue, outcome: "rejected", details: details),
        ])
        guard closed else { throw HeraldError.proposalNotPending(try await self.proposal(id)) }
        return try await self.proposal(id)
    }

    /// Marks every pending proposal past its expiry as `expired`; returns how many.
    public func expireDue() async throws -> Int {
        let now = dependencies.clock.now()
        var count = 0
        for proposal in try await store.expiredPendingProposals(at: now, limit: 500) {
            if try await expire(proposal, at: now) { count += 1 }
        }
        return count
    }

    private func expire(_ proposal: Proposal, at time: Timestamp) async throws -> Bool {
        try await store.closeProposal(proposal.id, as: .expired, by: AuditActor.system("proposals").description, at: time, note: nil, audit: [
            Self.expiry(proposal, at: time),
        ])
    }

    // MARK: Checks

    private func storedLink(_ id: String) async throws -> CarrierLinkRecord {
        if dependencies.builtInLinkIDs.contains(id) {
            throw HeraldError(
                .conflict, code: "carrier_link_built_in", "'\(id)' is the built-in simulator's link; it follows the simulator configuration and cannot be changed here")
        }
        guard let record = try await store.carrierLinks().record(id), record.isActive else { throw HeraldError.notFound("carrier link '\(id)'") }
        return record
    }

    private func checkNotRouted(_ id: String) async throws {
        let rules = try await store.routeSet().rules.filter { rule in rule.links.contains { $0.linkID == id } }
        guard rules.isEmpty else {
            let names = rules.prefix(5).map { "\"\($0.id)\"" }.joined(separator: ", ")
            throw HeraldError(
                .conflict, code: "carrier_link_in_use", "route rule(s) \(names) use link '\(id)'; change the routes first, then remove the link")
        }
    }

    /// Why a pending change can no longer be applied as reviewed, checked against the gateway's state
    /// (the store checks the base versions itself); nil when it still fits.
    private func invalidity(of change: ProposalChange) async throws -> String? {
        switch change {
        case .replaceRoutes(let replacement):
            do {
                try dependencies.routeValidator.validate(replacement.rules, linkIDs: try await linkIDsInService())
            } catch let error as HeraldError {
                return "the rules are no longer valid for the links in service (\(error.message))"
            }
            return nil
        case .removeCarrierLink(let removal):
            do {
                try await checkNotRouted(removal.linkID)
            } catch let error as HeraldError {
                return error.message
            }
            return nil
        default:
            return nil
        }
    }

    // MARK: Audit events

    static func auditEvents(for outcome: ProposalApprovalOutcome, by actor: AuditActor, at time: Timestamp) -> [AuditEvent] {
        switch outcome {
        case .approved(let proposal, let superseded):
            var events = [
                AuditEvent(
                    at: time, actor: actor, action: "proposal.approve", target: proposal.id.rawValue, outcome: "approved",
                    details: ["kind": proposal.kind, "digest": proposal.digest, "proposed_by": proposal.proposedBy]),
                applied(proposal, by: actor, at: time),
            ]
            for id in superseded {
                events.append(AuditEvent(
                    at: time, actor: actor, action: "proposal.supersede", target: id.rawValue, outcome: "superseded",
                    details: ["by_proposal": proposal.id.rawValue]))
            }
            return events
        case .notFound:
            return []  // nothing to point at; the answer is a plain 404
        case .notPending(let proposal):
            return [refusedApproval(proposal.id, reason: "not_pending", by: actor, at: time, digest: proposal.digest)]
        case .selfApproval(let proposal):
            return [refusedApproval(proposal.id, reason: "self_approval", by: actor, at: time, digest: proposal.digest)]
        case .expired(let proposal):
            return [expiry(proposal, at: time), refusedApproval(proposal.id, reason: "expired", by: actor, at: time, digest: proposal.digest)]
        case .stale(let proposal, let reason):
            return [superseded(proposal, reason: reason, by: actor, at: time), refusedApproval(proposal.id, reason: "stale", by: actor, at: time, digest: proposal.digest)]
        }
    }

    /// The event recording the change itself, e.g. `routes.replace` on `routes`.
    static func applied(_ proposal: Proposal, by actor: AuditActor, at time: Timestamp) -> AuditEvent {
        var details = ["proposal": proposal.id.rawValue, "digest": proposal.digest, "proposed_by": proposal.proposedBy]
        switch proposal.change {
        case .replaceRoutes(let replacement):
            details["rules"] = String(replacement.rules.count)
            details["base_version"] = String(replacement.baseVersion)
        case .addCarrierLink(let definition):
            details["host"] = "\(definition.host):\(definition.port)"
        case .changeCarrierLink(let update):
            details["host"] = "\(update.definition.host):\(update.definition.port)"
            details["base_revision"] = String(update.baseRevision)
        case .removeCarrierLink(let removal):
            details["base_revision"] = String(removal.baseRevision)
        case .raiseAccountLimits(let raise):
            details["to"] = (try? HeraldJSON.text(raise.to)) ?? ""
        case .raiseSMPPThroughput(let raise):
            details["account"] = raise.accountID.rawValue
            details["window"] = String(raise.to.window)
            details["tps"] = String(raise.to.messagesPerSecond)
            details["previous_window"] = String(raise.from.window)
            details["previous_tps"] = String(raise.from.messagesPerSecond)
        case .changeRetention(let change):
            details["message_body_days"] = String(change.to.messageBodyDays)
            details["receipt_grace_seconds"] = String(change.to.receiptGraceSeconds)
        case .exportMessages(let request):
            details["from"] = request.from.iso8601
            details["to"] = request.to.iso8601
        case .discloseSealedValues(let request):
            details["first_index"] = String(request.firstIndex)
            details["end_index"] = String(request.endIndex)
            details["recipient"] = proposal.proposedBy
        }
        return AuditEvent(at: time, actor: actor, action: proposal.kind, target: proposal.change.target, details: details)
    }

    static func refusedApproval(_ id: ProposalID, reason: String, by actor: AuditActor, at time: Timestamp, digest: String) -> AuditEvent {
        refusal(action: "proposal.approve", id, reason: reason, by: actor, at: time, digest: digest)
    }

    static func refusal(action: String, _ id: ProposalID, reason: String, by actor: AuditActor, at time: Timestamp, digest: String) -> AuditEvent {
        AuditEvent(at: time, actor: actor, action: action, target: id.rawValue, outcome: "denied", details: ["reason": reason, "digest": digest])
    }

    static func superseded(_ proposal: Proposal, reason: String, by actor: AuditActor, at time: Timestamp) -> AuditEvent {
        AuditEvent(
            at: time, actor: actor, action: "proposal.supersede", target: proposal.id.rawValue, outcome: "superseded",
            details: ["reason": reason, "digest": proposal.digest])
    }

    static func expiry(_ proposal: Proposal, at time: Timestamp) -> AuditEvent {
        AuditEvent(
            at: time, actor: .system("proposals"), action: "proposal.expire", target: proposal.id.rawValue, outcome: "expired",
            details: ["digest": proposal.digest, "expires_at": proposal.expiresAt.iso8601])
    }
}
