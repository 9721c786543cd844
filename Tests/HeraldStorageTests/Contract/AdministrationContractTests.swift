import HeraldCore
import Logging
import Testing

/// The administration ports (operators, proposals, carrier links, retention, exports): an approval flips the
/// proposal and applies its change in one transaction with its audit events, and refuses what the two-person
/// rule forbids even when called directly.
@Suite struct AdministrationContractTests {
    func administration(_ backend: any StorageBackend) throws -> any AdministrationStore {
        try #require(backend.store as? any AdministrationStore, "the backend must implement the administration ports")
    }

    func proposal(_ change: ProposalChange, by actor: String = "operator:op_a", f: Fixtures, expiresIn seconds: Int64 = 3600) -> Proposal {
        Proposal(
            id: ProposalID.generate(at: f.start, random: f.random), change: change, note: nil, proposedBy: actor, createdAt: f.start,
            expiresAt: f.at(seconds: seconds))
    }

    static let audit: @Sendable (ProposalApprovalOutcome) -> [AuditEvent] = { outcome in
        let action: String
        switch outcome {
        case .approved: action = "approved"
        case .notFound: action = "not_found"
        case .notPending: action = "not_pending"
        case .selfApproval: action = "self_approval"
        case .expired: action = "expired"
        case .stale: action = "stale"
        }
        return [AuditEvent(at: Timestamp(millisecondsSince1970: 0), actor: .system("tests"), action: "outcome.\(action)", target: "p")]
    }

    @Test(arguments: StoreFactory.all)
    func operatorsAndTokensRoundTripAndTheLastAdminStays(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try administration(backend)
            let f = Fixtures()
            let admin = Operator(id: OperatorID.generate(at: f.start, random: f.random), name: "Ada", role: .admin, createdAt: f.start, createdBy: "cli:root")
            let token = OperatorToken(
                id: OperatorTokenID.generate(at: f.start, random: f.random), operatorID: admin.id, secretHash: "h", createdAt: f.start, expiresAt: f.at(seconds: 60))
            try await store.insertOperator(admin, tokens: [token], audit: [f.audit("operator.create")])
            #expect(try await store.findOperator(admin.id) == admin)
            #expect(try await store.operatorToken(token.id) == token)
            #expect(try await store.disableOperator(admin.id, at: f.at(seconds: 1), audit: [f.audit("operator.disable.refused")]) == .lastAdmin)

            let second = Operator(id: OperatorID.generate(at: f.at(seconds: 1), random: f.random), name: "Bo", role: .admin, createdAt: f.start, createdBy: "cli:root")
            try await store.insertOperator(second, tokens: [], audit: [])
            #expect(try await store.disableOperator(admin.id, at: f.at(seconds: 2), audit: [f.audit("operator.disable")]) == .disabled)
            #expect(try await store.findOperator(admin.id)?.status == .disabled)
            #expect(try await store.operatorToken(token.id)?.revokedAt == f.at(seconds: 2))
            #expect(try await store.disableOperator(admin.id, at: f.at(seconds: 3), audit: []) == .alreadyDisabled)
            #expect(try await store.disableOperator(second.id, at: f.at(seconds: 3), audit: []) == .lastAdmin)
            #expect(try await backend.auditEvents().map(\.action) == ["operator.create", "operator.disable"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func approvalAppliesTheChangeAndItsAuditInOneTransaction(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try administration(backend)
            let f = Fixtures()
            let rules = [RouteRule(id: "default", match: .default, links: [RouteLink(linkID: "sim")])]
            let p = proposal(.replaceRoutes(RoutesReplacement(rules: rules, baseVersion: 0)), f: f)
            try await store.insertProposal(p, audit: [f.audit("proposal.create")])
            #expect(try await store.proposal(p.id) == p)

            // The proposer cannot approve, whoever calls the store.
            #expect(try await store.approveProposal(p.id, approver: p.proposedBy, at: f.at(seconds: 1), audit: Self.audit) == .selfApproval(p))
            #expect(try await store.routesVersion() == 0)

            guard case .approved(let approved, let superseded) = try await store.approveProposal(p.id, approver: "operator:op_b", at: f.at(seconds: 2), audit: Self.audit) else {
                Issue.record("not approved")
                return
            }
            #expect(superseded.isEmpty)
            #expect(approved.status == .approved && approved.decidedBy == "operator:op_b" && approved.decidedAt == f.at(seconds: 2))
            #expect(try await store.proposal(p.id)?.status == .approved)
            #expect(try await store.routeSet().rules == rules)
            guard case .notPending = try await store.approveProposal(p.id, approver: "operator:op_c", at: f.at(seconds: 3), audit: Self.audit) else {
                Issue.record("a second approval was not refused")
                return
            }
            #expect(try await store.approveProposal(ProposalID.generate(at: f.start, random: f.random), approver: "x", at: f.start, audit: Self.audit) == .notFound)
            #expect(try await store.routesVersion() == 1)
            #expect(try await backend.auditEvents().map(\.action) == [
                "proposal.create", "outcome.self_approval", "outcome.approved", "outcome.not_pending", "outcome.not_found",
            ])
        }
    }

    @Test(arguments: StoreFactory.all)
    func expiredAndStaleProposalsAreClosedNotApplied(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try administration(backend)
            let f = Fixtures()
            let account = f.account()
            try await store.insertAccount(account, apiKeys: [], audit: [])
            var raised = account.limits
            raised.messagesPerSecond *= 10
            let raise = proposal(.raiseAccountLimits(AccountLimitsRaise(accountID: account.id, from: account.limits, to: raised)), f: f)
            let expiring = proposal(.changeRetention(RetentionChange(
                from: RetentionSettings(messageBodyDays: 30, receiptGraceSeconds: 60), to: RetentionSettings(messageBodyDays: 7, receiptGraceSeconds: 60),
                baseRevision: 0)), f: f, expiresIn: 10)
            try await store.insertProposal(raise, audit: [])
            try await store.insertProposal(expiring, audit: [])

            guard case .expired(let expired) = try await store.approveProposal(expiring.id, approver: "operator:op_b", at: f.at(seconds: 10), audit: Self.audit) else {
                Issue.record("not expired")
                return
            }
            #expect(expired.status == .expired)
            #expect(try await store.retentionRecord() == nil)

            var changed = account
            changed.limits.messagesPerDay = 5
            try await store.updateAccount(changed, audit: [])
            guard case .stale(let stale, _) = try await store.approveProposal(raise.id, approver: "operator:op_b", at: f.at(seconds: 11), audit: Self.audit) else {
                Issue.record("not stale")
                return
            }
            #expect(stale.status == .superseded)
            #expect(try await store.proposal(raise.id)?.status == .superseded)
            #expect(try await store.account(account.id)?.limits == changed.limits)
            #expect(try await store.expiredPendingProposals(at: f.at(seconds: 3600), limit: 10).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func smppThroughputRaisesApplyOnApprovalAndGoStaleWhenTheThroughputOrAccessChanged(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try administration(backend)
            let smpp = try #require(backend.store as? any SMPPAccountStore, "the backend does not implement the SMPP access port")
            let f = Fixtures()
            let account = f.account()
            try await store.insertAccount(account, apiKeys: [], audit: [])
            let access = SMPPAccount(accountID: account.id, systemID: "acme", passwordHash: "pbkdf2-sha256$1$c2FsdA==$aGFzaA==", createdAt: f.at())
            try await smpp.saveSMPPAccount(access, audit: [])
            let raised = SMPPThroughput(window: 200, messagesPerSecond: 500)
            let change = ProposalChange.raiseSMPPThroughput(SMPPThroughputRaise(accountID: account.id, from: access.throughput, to: raised))

            // Approved: window and TPS change, nothing else.
            let first = proposal(change, f: f)
            try await store.insertProposal(first, audit: [])
            #expect(try await store.proposal(first.id) == first)
            guard case .approved = try await store.approveProposal(first.id, approver: "operator:op_b", at: f.at(seconds: 1), audit: Self.audit) else {
                Issue.record("not approved")
                return
            }
            var expected = access
            expected.throughput = raised
            expected.updatedAt = f.at(seconds: 1)
            #expect(try await smpp.smppAccount(accountID: account.id) == expected)

            // Prepared against the old throughput: stale now, and nothing changes.
            let again = proposal(.raiseSMPPThroughput(SMPPThroughputRaise(
                accountID: account.id, from: access.throughput, to: SMPPThroughput(window: 1000, messagesPerSecond: 1000))), f: f)
            try await store.insertProposal(again, audit: [])
            guard case .stale(let stale, _) = try await store.approveProposal(again.id, approver: "operator:op_b", at: f.at(seconds: 2), audit: Self.audit) else {
                Issue.record("not stale")
                return
            }
            #expect(stale.status == .superseded)
            #expect(try await smpp.smppAccount(accountID: account.id) == expected)

            // The access was withdrawn since: stale too.
            let withdrawn = proposal(.raiseSMPPThroughput(SMPPThroughputRaise(
                accountID: account.id, from: raised, to: SMPPThroughput(window: 1000, messagesPerSecond: 1000))), f: f)
            try await store.insertProposal(withdrawn, audit: [])
            #expect(try await smpp.deleteSMPPAccount(accountID: account.id, audit: []))
            guard case .stale = try await store.approveProposal(withdrawn.id, approver: "operator:op_b", at: f.at(seconds: 3), audit: Self.audit) else {
                Issue.record("not stale after the access was removed")
                return
            }
            #expect(try await smpp.smppAccount(accountID: account.id) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func carrierLinksAreSeededOnceAndChangedByApprovals(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try administration(backend)
            let f = Fixtures()
            let acme = CarrierLinkDefinition(id: "acme", host: "smpp.acme.example", port: 2775, systemID: "herald", password: "pw")
            let seedAudit: @Sendable (CarrierLinkDefinition) -> AuditEvent = { AuditEvent(at: f.start, actor: .system("tests"), action: "seed", target: $0.id) }
            #expect(try await store.seedCarrierLinks([acme], at: f.start, audit: seedAudit) == ["acme"])
            var changedInFile = acme
            changedInFile.binds = 9
            #expect(try await store.seedCarrierLinks([changedInFile], at: f.at(seconds: 1), audit: seedAudit).isEmpty)
            #expect(try await store.carrierLinks().record("acme")?.definition == acme)
            #expect(try await store.carrierLinksVersion() == 1)

            let removal = proposal(.removeCarrierLink(CarrierLinkRemoval(linkID: "acme", baseRevision: 1)), f: f)
            try await store.insertProposal(removal, audit: [])
            guard case .approved = try await store.approveProposal(removal.id, approver: "operator:op_b", at: f.at(seconds: 2), audit: Self.audit) else {
                Issue.record("not approved")
                return
            }
            let removed = try #require(try await store.carrierLinks().record("acme"))
            #expect(!removed.isActive && removed.revision == 2)
            // A removed link is not brought back by the configuration file.
            #expect(try await store.seedCarrierLinks([acme], at: f.at(seconds: 3), audit: seedAudit).isEmpty)
            #expect(try await store.carrierLinks().active.isEmpty)
            #expect(try await store.carrierLinksVersion() == 2)
            #expect(try await backend.auditEvents().map(\.action) == ["seed", "outcome.approved"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func anExportIsClaimedOnceWithinItsWindow(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try administration(backend)
            let f = Fixtures()
            let account = f.account()
            try await store.insertAccount(account, apiKeys: [], audit: [])
            let export = proposal(.exportMessages(MessageExportRequest(accountID: account.id, from: f.start, to: f.at(seconds: 60))), f: f)
            try await store.insertProposal(export, audit: [])
            guard case .approved = try await store.approveProposal(export.id, approver: "operator:op_b", at: f.at(seconds: 1), audit: Self.audit) else {
                Issue.record("not approved")
                return
            }
            let stored = try #require(try await store.messageExport(export.id))
            #expect(stored.proposedBy == "operator:op_a" && stored.approvedBy == "operator:op_b")
            #expect(stored.expiresAt == f.at(seconds: 1).adding(MessageExport.downloadWindow))
            #expect(try await store.claimMessageExport(export.id, by: "operator:op_a", at: f.at(seconds: 2), audit: [f.audit("download")]))
            #expect(try await store.claimMessageExport(export.id, by: "operator:op_b", at: f.at(seconds: 3), audit: [f.audit("download.again")]) == false)
            #expect(try await store.messageExport(export.id)?.downloadedBy == "operator:op_a")
            #expect(try await backend.auditEvents().map(\.action) == ["outcome.approved", "download"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func aDisclosureIsClaimedOnceByItsRequesterWithinItsWindow(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try administration(backend)
            let f = Fixtures()
            let request = proposal(.discloseSealedValues(SealedValueDisclosureRequest(firstIndex: 3, endIndex: 7)), f: f)
            try await store.insertProposal(request, audit: [])
            #expect(try await store.sealedValueDisclosure(request.id) == nil)
            guard case .approved = try await store.approveProposal(request.id, approver: "operator:op_b", at: f.at(seconds: 1), audit: Self.audit) else {
                Issue.record("not approved")
                return
            }
            let stored = try #require(try await store.sealedValueDisclosure(request.id))
            #expect(stored.entries == 3..<7 && stored.requestedBy == "operator:op_a" && stored.approvedBy == "operator:op_b")
            #expect(stored.expiresAt == f.at(seconds: 1).adding(SealedValueDisclosure.downloadWindow))
            #expect(try await store.sealedValueDisclosures(limit: 10).map(\.id) == [request.id])
            // Only the requester, once, before the window ends.
            #expect(try await store.claimSealedValueDisclosure(request.id, by: "operator:op_b", at: f.at(seconds: 2), audit: [f.audit("approver")]) == false)
            #expect(try await store.claimSealedValueDisclosure(
                request.id, by: "operator:op_a", at: f.at(seconds: 1).adding(SealedValueDisclosure.downloadWindow), audit: [f.audit("late")]) == false)
            #expect(try await store.claimSealedValueDisclosure(request.id, by: "operator:op_a", at: f.at(seconds: 3), audit: [f.audit("download")]))
            #expect(try await store.claimSealedValueDisclosure(request.id, by: "operator:op_a", at: f.at(seconds: 4), audit: [f.audit("again")]) == false)
            #expect(try await store.sealedValueDisclosure(request.id)?.downloadedAt == f.at(seconds: 3))
            #expect(try await backend.auditEvents().map(\.action) == ["outcome.approved", "download"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func approvedRetentionReplacesTheConfiguredOneForOutboundAndInboundBodies(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try #require(backend.store as? any HeraldStore & AdministrationStore & InboundStore)
            let f = Fixtures()
            let account = f.account()
            try await store.insertAccount(account, apiKeys: [], audit: [])
            let tenDaysOld = f.message(of: account, at: f.start)
            _ = try await store.insertMessages([tenDaysOld], idempotency: nil, webhooks: [], audit: [])
            // A reply received at the same time follows the same retention as what Herald sent.
            let reply = InboundMessage(
                id: InboundMessageID.generate(at: f.start, random: f.random), accountID: account.id, from: "+447700900123", to: "+4915123456789",
                body: "Thanks", keyword: nil, linkID: "sim", receivedAt: f.start)
            try await store.insertInbound(reply, optOutChange: nil, effects: SideEffects())
            let clock = ManualClock(start: f.at(seconds: 10 * 86_400))
            var logger = Logger(label: "herald.tests.maintenance")
            logger.logLevel = .critical
            let maintenance = MaintenanceService(
                dependencies: MaintenanceService.Dependencies(
                    store: store, clock: clock, webhooks: MessageWebhookFactory(random: f.random), vault: EphemeralBodyVault(clock: clock), retention: store,
                    inbound: store),
                configuration: MaintenanceConfiguration(bodyRetention: .seconds(30 * 86_400)), logger: logger)
            try await maintenance.runOnce()
            #expect(try await store.message(tenDaysOld.id, accountID: nil)?.body != nil)
            #expect(try await store.inboundMessage(reply.id, accountID: nil)?.body == "Thanks")

            let change = proposal(.changeRetention(RetentionChange(
                from: RetentionSettings(messageBodyDays: 30, receiptGraceSeconds: 3600), to: RetentionSettings(messageBodyDays: 7, receiptGraceSeconds: 60),
                baseRevision: 0)), f: f, expiresIn: 20 * 86_400)
            try await store.insertProposal(change, audit: [])
            guard case .approved = try await store.approveProposal(change.id, approver: "operator:op_b", at: clock.now(), audit: Self.audit) else {
                Issue.record("not approved")
                return
            }
            #expect(try await store.retentionRecord()?.settings.messageBodyDays == 7)
            let effective = try await maintenance.effectiveConfiguration()
            #expect(effective.bodyRetention == .seconds(7 * 86_400))
            #expect(effective.receiptGrace == .seconds(60))
            try await maintenance.runOnce()
            #expect(try await store.message(tenDaysOld.id, accountID: nil)?.body == nil)
            #expect(try await store.inboundMessage(reply.id, accountID: nil)?.body == nil)
        }
    }
}
