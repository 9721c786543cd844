import HeraldCore
import Testing

/// The two-way messaging ports: SMPP access, number assignments, inbound messages with opt-outs, and the
/// customer SMPP outbox (including receipts written with the status change they report).
@Suite struct TwoWayContractTests {
    func twoWay(_ backend: any StorageBackend) throws -> any TwoWayStore {
        try #require(backend.store as? any TwoWayStore, "the backend does not implement the two-way messaging ports")
    }

    @Test(arguments: StoreFactory.all)
    func smppAccessIsSavedUniquelyByAccountAndSystemID(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try twoWay(backend)
            let f = Fixtures()
            let acme = f.account()
            let other = f.account("Other")
            try await backend.store.insertAccount(acme, apiKeys: [], audit: [])
            try await backend.store.insertAccount(other, apiKeys: [], audit: [])
            var access = SMPPAccount(
                accountID: acme.id, systemID: "acme", passwordHash: "pbkdf2-sha256$1$c2FsdA==$aGFzaA==",
                allowedNetworks: [try IPNetwork(parsing: "203.0.113.0/24"), try IPNetwork(parsing: "2001:db8::/32")], createdAt: f.at())
            try await store.saveSMPPAccount(access, audit: [f.audit("smpp_account.set_credentials")])
            #expect(try await store.smppAccount(accountID: acme.id) == access)
            #expect(try await store.smppAccount(systemID: "acme") == access)
            #expect(try await store.smppAccount(systemID: "ACME") == nil)

            access.window = 25
            access.messagesPerSecond = 12.5
            access.maximumBinds = 2
            access.updatedAt = f.at(seconds: 5)
            try await store.saveSMPPAccount(access, audit: [])
            #expect(try await store.smppAccounts() == [access])

            let clash = SMPPAccount(accountID: other.id, systemID: "acme", passwordHash: "x", createdAt: f.at())
            await #expect(throws: HeraldError.systemIDTaken("acme")) { try await store.saveSMPPAccount(clash, audit: [f.audit("should.not.persist")]) }

            #expect(try await store.deleteSMPPAccount(accountID: acme.id, audit: [f.audit("smpp_account.remove")]))
            #expect(try await store.deleteSMPPAccount(accountID: acme.id, audit: [f.audit("should.not.persist")]) == false)
            #expect(try await store.smppAccount(systemID: "acme") == nil)
            #expect(try await backend.auditEvents().map(\.action) == ["smpp_account.set_credentials", "smpp_account.remove"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func numbersBelongToOneAccount(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try twoWay(backend)
            let f = Fixtures()
            let acme = f.account()
            let other = f.account("Other")
            try await backend.store.insertAccount(acme, apiKeys: [], audit: [])
            try await backend.store.insertAccount(other, apiKeys: [], audit: [])
            let long = AssignedNumber(number: "+4915123456789", accountID: acme.id, assignedAt: f.at())
            let short = AssignedNumber(number: "72345", accountID: acme.id, assignedAt: f.at())
            try await store.assignNumber(long, audit: [f.audit("number.assign")])
            try await store.assignNumber(short, audit: [])
            #expect(try await store.assignedNumber(key: "4915123456789") == long)
            #expect(try await store.assignedNumbers(accountID: acme.id) == [long, short])
            #expect(try await store.assignedNumbers(accountID: other.id).isEmpty)
            await #expect(throws: HeraldError.numberAlreadyAssigned("4915123456789")) {
                try await store.assignNumber(AssignedNumber(number: "4915123456789", accountID: other.id, assignedAt: f.at()), audit: [])
            }
            #expect(try await store.unassignNumber(key: "72345", accountID: other.id, audit: []) == false)
            #expect(try await store.unassignNumber(key: "72345", accountID: acme.id, audit: [f.audit("number.unassign")]))
            #expect(try await store.assignedNumbers(accountID: nil) == [long])
            #expect(try await backend.auditEvents().map(\.action) == ["number.assign", "number.unassign"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func inboundMessagesStoreOptOutsAndSideEffectsTogether(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try twoWay(backend)
            let f = Fixtures()
            let acme = f.account()
            func inbound(_ body: String, from: String = "+447700900123", keyword: OptOutKeyword? = nil, at seconds: Int64) -> InboundMessage {
                InboundMessage(
                    id: InboundMessageID.generate(at: f.at(seconds: seconds), random: f.random), accountID: acme.id, from: from, to: "+4915123456789",
                    body: body, keyword: keyword, linkID: "sim", receivedAt: f.at(seconds: seconds))
            }
            let hello = inbound("Hello", at: 1)
            let delivery = CustomerSMPPDelivery(
                id: CustomerSMPPDeliveryID.generate(at: f.at(seconds: 1), random: f.random), accountID: acme.id, content: .inbound(hello.id), createdAt: f.at(seconds: 1))
            try await store.insertInbound(hello, optOutChange: nil, effects: SideEffects(
                webhooks: [f.webhook(of: acme, type: "message.inbound", at: f.at(seconds: 1))], audit: [f.audit("inbound.receive")], smppDeliveries: [delivery]))
            let stop = inbound("STOP", keyword: .optOut("STOP"), at: 2)
            let optOut = OptOut(accountID: acme.id, number: "+447700900123", keyword: "STOP", optedOutAt: f.at(seconds: 2), inboundID: stop.id)
            try await store.insertInbound(stop, optOutChange: .optOut(optOut), effects: SideEffects())
            let other = inbound("hi", from: "+447700900999", at: 3)
            try await store.insertInbound(other, optOutChange: nil, effects: SideEffects())

            #expect(try await store.inboundMessage(hello.id, accountID: acme.id) == hello)
            #expect(try await store.inboundMessage(hello.id, accountID: f.account("Other").id) == nil)
            #expect(try await store.inboundMessages(matching: InboundQuery(accountID: acme.id)) == [other, stop, hello])
            #expect(try await store.inboundMessages(matching: InboundQuery(accountID: acme.id, from: "+447700900123")) == [stop, hello])
            #expect(try await store.inboundMessages(matching: InboundQuery(accountID: acme.id, toKey: "4915123456789", limit: 1)) == [other])
            #expect(try await store.inboundMessages(matching: InboundQuery(accountID: acme.id, startingAfter: stop.id)) == [hello])
            #expect(try await store.inboundMessages(matching: InboundQuery(accountID: acme.id, receivedFrom: f.at(seconds: 2), receivedBefore: f.at(seconds: 3))) == [stop])
            #expect(try await store.optOut(accountID: acme.id, number: "+447700900123") == optOut)
            #expect(try await store.optOuts(accountID: acme.id, limit: 10) == [optOut])
            #expect(try await backend.store.webhookDeliveries(accountID: acme.id, limit: 10).map(\.eventType) == ["message.inbound"])
            #expect(try await store.customerSMPPDeliveries(accountID: acme.id, limit: 10) == [delivery])

            let start = inbound("start", keyword: .optIn("START"), at: 4)
            try await store.insertInbound(start, optOutChange: .optIn(accountID: acme.id, number: "+447700900123"), effects: SideEffects())
            #expect(try await store.optOut(accountID: acme.id, number: "+447700900123") == nil)

            // Retention erases bodies like outbound ones; the messages stay.
            #expect(try await store.eraseInboundBodies(receivedBefore: f.at(seconds: 3), limit: 10, audit: [f.audit("inbound.erase_bodies")]) == 2)
            #expect(try await store.eraseInboundBodies(receivedBefore: f.at(seconds: 3), limit: 10, audit: [f.audit("should.not.persist")]) == 0)
            let erased = try #require(try await store.inboundMessage(hello.id, accountID: nil))
            #expect(erased.body == nil)
            #expect(erased.bodyPolicy == .erased)
            #expect(try await store.inboundMessage(other.id, accountID: nil)?.body == "hi")
            #expect(try await backend.auditEvents().map(\.action) == ["inbound.receive", "inbound.erase_bodies"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func receiptsAreWrittenWithTheStatusChangeAndTheOutboxIsLeased(_ factory: StoreFactory) async throws {
        try await factory.withBackend { backend in
            let store = try twoWay(backend)
            let f = Fixtures()
            let acme = f.account()
            let other = f.account("Other")
            var message = f.message(of: acme)
            message.channel = .smpp
            message.receiptRequest = .final
            _ = try await backend.store.insertMessages([message], idempotency: nil, webhooks: [], audit: [])
            #expect(try await backend.store.message(message.id, accountID: nil)?.receiptRequest == .final)

            // The receipt travels in the same update as the final status.
            let part = f.part(of: message, key: "abc")
            _ = try await backend.store.saveMessageUpdates([f.submitted(message, parts: [part])])
            let factory = MessageWebhookFactory(random: f.random)
            let matched = try await backend.store.applyReceipts([f.receipt(keys: ["abc"], at: f.at(seconds: 5))]) { message, parts, receipt in
                guard ReceiptApplication.apply(receipt, to: &message, parts: &parts, at: f.at(seconds: 5)) else { return SideEffects() }
                return factory.statusEffects(for: message, at: f.at(seconds: 5))
            }
            #expect(matched == [true])
            let outbox = try await store.customerSMPPDeliveries(accountID: acme.id, limit: 10)
            #expect(outbox.count == 1)
            guard case .receipt(let report)? = outbox.first?.content else {
                Issue.record("expected a receipt, got \(outbox)")
                return
            }
            #expect(report.messageID == message.id)
            #expect(report.status == .delivered)

            // Claimed only for the accounts named; leased to one owner; outcomes saved.
            let now = f.at(seconds: 10)
            #expect(try await store.claimCustomerSMPPDeliveries(accountIDs: [other.id], now: now, limit: 10, owner: "node-a", leaseUntil: now.adding(seconds: 30)).isEmpty)
            let claimed = try await store.claimCustomerSMPPDeliveries(accountIDs: [acme.id, other.id], now: now, limit: 10, owner: "node-a", leaseUntil: now.adding(seconds: 30))
            #expect(claimed == outbox)
            #expect(try await store.claimCustomerSMPPDeliveries(accountIDs: [acme.id], now: now, limit: 10, owner: "node-b", leaseUntil: now.adding(seconds: 30)).isEmpty)
            var retry = claimed[0]
            retry.attempts = 1
            retry.lastError = "customer answered ESME_RX_T_APPN"
            retry.nextAttemptAt = now.adding(seconds: 2)
            try await store.saveCustomerSMPPDeliveries([retry])
            #expect(try await store.claimCustomerSMPPDeliveries(accountIDs: [acme.id], now: now.adding(seconds: 1), limit: 10, owner: "node-a", leaseUntil: now.adding(seconds: 60)).isEmpty)
            let again = try await store.claimCustomerSMPPDeliveries(accountIDs: [acme.id], now: now.adding(seconds: 2), limit: 10, owner: "node-a", leaseUntil: now.adding(seconds: 60))
            #expect(again == [retry])

            // Entries held too long are given up; delivered ones are kept as they are.
            let queued = CustomerSMPPDelivery(
                id: CustomerSMPPDeliveryID.generate(at: f.at(seconds: 20), random: f.random), accountID: acme.id, content: .receipt(report), createdAt: f.at(seconds: 20))
            try await store.enqueueCustomerSMPPDeliveries([queued], audit: [f.audit("test.enqueue")])
            var done = again[0]
            done.status = .delivered
            try await store.saveCustomerSMPPDeliveries([done])
            #expect(try await store.abandonCustomerSMPPDeliveries(createdBefore: f.at(seconds: 30), reason: "held too long") == 1)
            let final = try await store.customerSMPPDeliveries(accountID: acme.id, limit: 10)
            #expect(final.map(\.status) == [.failed, .delivered])
            #expect(final.first?.lastError == "held too long")
            // Finished entries are deleted once as old; pending ones never are.
            let waiting = CustomerSMPPDelivery(
                id: CustomerSMPPDeliveryID.generate(at: f.at(seconds: 21), random: f.random), accountID: acme.id, content: .receipt(report), createdAt: f.at(seconds: 21))
            try await store.enqueueCustomerSMPPDeliveries([waiting], audit: [])
            #expect(try await store.purgeCustomerSMPPDeliveries(createdBefore: f.at(seconds: 30)) == 2)
            #expect(try await store.customerSMPPDeliveries(accountID: acme.id, limit: 10) == [waiting])
        }
    }
}
