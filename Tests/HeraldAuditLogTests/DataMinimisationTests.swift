import Foundation
import GRDB
import HeraldAuditLog
import HeraldCore
import HeraldSQLite
import HeraldTestSupport
import MerkleLog
import Testing

/// Sensitive values in the audit log are sealed and erased after retention; the log still verifies.
@Suite struct DataMinimisationTests {
    static func messageService(_ harness: AuditLogHarness) -> MessageService {
        MessageService(
            dependencies: MessageService.Dependencies(
                store: harness.store, numbers: SimpleNumberResolver(), text: SimpleTextAnalyzer(), clock: harness.clock, random: SystemRandomSource(),
                wake: DispatchSignal()),
            policy: MessagePolicy(), nodeID: "node-a")
    }

    static func account(_ harness: AuditLogHarness) -> Account {
        Account(id: AccountID.generate(at: harness.clock.now(), random: SystemRandomSource()), name: "acme", webhookSecret: "s", createdAt: harness.clock.now())
    }

    @Test func acceptedMessagesAreAuditedWithNumberAndTextSealed() async throws {
        try await AuditLogHarness.with { harness in
            let service = Self.messageService(harness)
            let account = Self.account(harness)
            guard case .accepted(let messages, _) = try await service.send(
                SendRequest(to: "+4915123456789", body: "Meet at the usual place"), account: account, clientAddress: nil, idempotency: nil) else {
                Issue.record("not accepted")
                return
            }
            let records = try await harness.store.auditRecords(from: 0, limit: 10, includingSealedValues: true)
            #expect(records.map(\.action) == ["message.accept"])
            #expect(records[0].target == messages[0].id.rawValue)
            #expect(records[0].sealedFields.map(\.name) == ["body", "to"])
            let publicText = String(decoding: records[0].publicPayload, as: UTF8.self)
            #expect(!publicText.contains("usual place") && !publicText.contains("+4915123456789"))
            #expect(try records[0].event().sensitive == ["to": "+4915123456789", "body": "Meet at the usual place"])
        }
    }

    @Test func verificationMessagesNeverCarryTheirTextIntoTheAuditLog() throws {
        let random = SystemRandomSource()
        let now = Timestamp(millisecondsSince1970: 1_767_225_600_000)
        var message = SealedStoreTests.message(account: AccountID.generate(at: now, random: random), at: now, random: random, body: "Your code is 123456", channel: .verification)
        message.bodyPolicy = .ephemeral
        #expect(MessageAcceptAudit.event(for: message).sensitive.keys.sorted() == ["to"])
        message.bodyPolicy = .retained
        message.verificationID = "ver_x"
        #expect(MessageAcceptAudit.event(for: message).sensitive["body"] == nil)
    }

    @Test func erasingBodiesErasesTheTextSealedInTheAuditLogInTheSameTransaction() async throws {
        try await AuditLogHarness.with { harness in
            let service = Self.messageService(harness)
            let account = Self.account(harness)
            let start = harness.clock.now()
            for text in ["first secret", "second secret"] {
                _ = try await service.send(SendRequest(to: "+4915123456789", body: text), account: account, clientAddress: nil, idempotency: nil)
                harness.clock.advance(by: .seconds(60))
            }
            let cutoff = start.adding(seconds: 30)
            let erased = try await harness.store.eraseBodies(
                createdBefore: cutoff, limit: 10,
                audit: [AuditEvent(at: harness.clock.now(), actor: .system("retention"), action: "message.erase_bodies", target: "messages")])
            #expect(erased.count == 1)
            let records = try await harness.store.auditRecords(from: 0, limit: 10, includingSealedValues: true)
            #expect(records.map(\.action) == ["message.accept", "message.accept", "message.erase_bodies"])
            #expect(try records[0].event().sensitive == ["to": "+4915123456789"])
            #expect(try records[1].event().sensitive["body"] == "second secret")

            let (bundle, _) = try await harness.exportBundle()
            let report = harness.verify(bundle)
            #expect(report.isClean, "\(report.rendered)")
            #expect(report.findings(of: .redacted).map(\.entryIndex) == [0])
        }
    }

    @Test func retentionErasesOldSealedValuesAndRecordsThatItDid() async throws {
        try await AuditLogHarness.with { harness in
            try await harness.appendEvents(6)
            harness.clock.advance(by: .seconds(91 * 86_400))
            try await harness.appendEvents(3, from: 6)
            let maintenance = MaintenanceService(
                dependencies: MaintenanceService.Dependencies(
                    store: harness.store, clock: harness.clock, webhooks: MessageWebhookFactory(random: SystemRandomSource()),
                    vault: EphemeralBodyVault(clock: harness.clock), auditLog: harness.store),
                configuration: MaintenanceConfiguration(bodyRetention: nil, auditSealedValueRetention: .seconds(90 * 86_400)),
                logger: AuditLogHarness.logger())
            try await maintenance.runOnce()
            try await maintenance.runOnce()   // nothing left to erase: no second event
            let events = try await harness.store.auditEvents().map(\.event)
            #expect(events.filter { $0.action == "audit.erase_sealed_values" }.count == 1)
            // Entries 0 and 3 lost their numbers; entry 6 (recent) keeps its.
            #expect(events[0].sensitive.isEmpty && events[3].sensitive.isEmpty)
            #expect(events[6].sensitive["to"] == "+447700900106")
            let report = harness.verify(try await harness.exportBundle().bundle)
            #expect(report.isClean, "\(report.rendered)")
            #expect(report.findings(of: .redacted).compactMap(\.entryIndex) == [0, 3])
        }
    }

    @Test func exportsLeaveSealedValuesOutUnlessAsked() async throws {
        try await AuditLogHarness.with { harness in
            try await harness.appendEvents(4)
            let (redacted, _) = try await harness.exportBundle(sealedValues: .none)
            #expect(redacted.entries.allSatisfy { $0.payload.sealedFields.allSatisfy(\.isRedacted) })
            #expect(harness.verify(redacted).isClean)
            let (full, _) = try await harness.exportBundle(sealedValues: .all)
            #expect(full.entries[0].payload.sealedFields.first?.isRedacted == false)
        }
    }

    @Test func aDisclosureExportCarriesTheSealedValuesOfItsRangeOnly() async throws {
        try await AuditLogHarness.with { harness in
            try await harness.appendEvents(10)   // entries 0, 3, 6 and 9 hold a sealed number
            let (bundle, _) = try await harness.exportBundle(sealedValues: .entries(3..<7))
            let disclosed = bundle.entries.filter { $0.payload.sealedFields.contains { !$0.isRedacted } }.map(\.index)
            #expect(disclosed == [3, 6])
            let report = harness.verify(bundle)
            #expect(report.isClean, "\(report.rendered)")
            #expect(report.findings(of: .redacted).compactMap(\.entryIndex) == [0, 9])
        }
    }
}
