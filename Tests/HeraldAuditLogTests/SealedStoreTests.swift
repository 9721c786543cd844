import Foundation
import GRDB
import HeraldAuditLog
import HeraldCore
import HeraldSQLite
import MerkleLog
import Testing

/// The SQLite store seals every audit event into the Merkle log in the transaction of its change.
@Suite struct SealedStoreTests {
    @Test func everyEventBecomesASignedChainedEntryAndTheExportVerifies() async throws {
        try await AuditLogHarness.with { harness in
            try await harness.appendEvents(7)
            let head = try await harness.store.auditLogHead()
            #expect(head.size == 7)
            let records = try await harness.store.auditRecords(from: 0, limit: 100, includingSealedValues: true)
            #expect(records.map(\.index) == Array(0..<7))
            #expect(records[0].previousHash == [UInt8](repeating: 0, count: 32))
            for (previous, next) in zip(records, records.dropFirst()) { #expect(next.previousHash == previous.leafHash) }
            // Sensitive values are sealed fields, not public.
            #expect(records[0].sealedFields.map(\.name) == ["to"])
            #expect(!String(decoding: records[0].publicPayload, as: UTF8.self).contains("+44770090"))
            #expect(try records[0].event().sensitive["to"] == "+447700900100")

            let (bundle, summary) = try await harness.exportBundle()
            #expect(summary.treeSize == 7 && summary.entryCount == 7 && summary.unreadableEntries.isEmpty)
            let report = harness.verify(bundle)
            #expect(report.isClean, "\(report.rendered)")
            #expect(report.verifiedTreeSize == 7)
        }
    }

    @Test func auditEventsReadBackWholeFromTheSealedLog() async throws {
        try await AuditLogHarness.with { harness in
            let events = (0..<4).map { AuditLogHarness.event($0, at: harness.clock.now()) }
            try await harness.store.appendAudit(events)
            let stored = try await harness.store.auditEvents()
            #expect(stored.map(\.event) == events)
            #expect(stored.map(\.sequence) == [1, 2, 3, 4])
            #expect(try await harness.store.auditEvents(after: 2).map(\.sequence) == [3, 4])
        }
    }

    @Test func aFailedChangeLeavesNeitherEntriesNorAMovedHead() async throws {
        try await AuditLogHarness.with { harness in
            let account = Account(
                id: AccountID.generate(at: harness.clock.now(), random: SystemRandomSource()), name: "acme", webhookSecret: "s", createdAt: harness.clock.now())
            let create = AuditEvent(at: harness.clock.now(), actor: .operator("alice"), action: "account.create", target: account.id.rawValue)
            try await harness.store.insertAccount(account, apiKeys: [], audit: [create])
            let before = try await harness.store.auditLogHead()
            await #expect(throws: (any Error).self) { try await harness.store.insertAccount(account, apiKeys: [], audit: [create, create]) }
            #expect(try await harness.store.auditLogHead() == before)
            try await harness.store.appendAudit([create])
            #expect(try await harness.store.auditLogHead().size == before.size + 1)
            #expect(harness.verify(try await harness.exportBundle().bundle).isClean)
        }
    }

    /// Group commit: concurrent insertions share a transaction, each in its own savepoint; a failing one rolls
    /// back its entries and the head with it, and the log stays gap-free and valid.
    @Test func groupCommitSavepointsRollBackEntriesAndHeadTogether() async throws {
        try await AuditLogHarness.with { harness in
            let random = SystemRandomSource()
            let now = harness.clock.now()
            let account = AccountID.generate(at: now, random: random)
            let duplicate = Self.message(account: account, at: now, random: random)
            _ = try await harness.store.insertMessages([duplicate], idempotency: nil, webhooks: [], audit: [MessageAcceptAudit.event(for: duplicate)])
            let store = harness.store
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for n in 0..<40 {
                    group.addTask {
                        // Every fifth reuses a stored id: its insert fails inside the shared transaction.
                        let message = n % 5 == 0 ? duplicate : Self.message(account: account, at: now, random: random)
                        do {
                            _ = try await store.insertMessages([message], idempotency: nil, webhooks: [], audit: [MessageAcceptAudit.event(for: message)])
                            return true
                        } catch {
                            return false
                        }
                    }
                }
                var results: [Bool] = []
                for await result in group { results.append(result) }
                return results
            }
            #expect(outcomes.filter { $0 }.count == 32)
            #expect(try await harness.store.auditLogHead().size == 33)
            let (bundle, _) = try await harness.exportBundle()
            #expect(bundle.entries.count == 33)
            #expect(harness.verify(bundle).isClean)
        }
    }

    @Test func eventsQueuedWithoutASealerAreSealedInOrderWhenASealerArrives() async throws {
        try await AuditLogHarness.with(sealed: false) { harness in
            try await harness.appendEvents(5)
            #expect(try await harness.store.auditLogHead().size == 0)
            #expect(try await harness.store.auditEvents().count == 5)
            try await harness.reopen(sealed: true)
            #expect(try await harness.store.auditLogHead().size == 5)
            try await harness.appendEvents(2, from: 5)
            let events = try await harness.store.auditEvents()
            #expect(events.map { $0.event.target } == (0..<7).map { "target-\($0)" })
            var queued: Int?
            try harness.tamper { db in queued = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_events") }
            #expect(queued == 0)
            #expect(harness.verify(try await harness.exportBundle().bundle).isClean)
        }
    }

    @Test func proofsFromTheStoreMatchTheInMemoryTree() async throws {
        try await AuditLogHarness.with { harness in
            // Past 512 entries, so cached subtrees of heights 8 and 9 are used.
            let events = (0..<600).map { AuditLogHarness.event($0, at: harness.clock.now()) }
            for chunk in stride(from: 0, to: events.count, by: 100) {
                try await harness.store.appendAudit(Array(events[chunk..<(chunk + 100)]))
            }
            var subtrees: Int?
            try harness.tamper { db in subtrees = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log_subtrees") }
            #expect(subtrees == 3)
            let records = try await harness.store.auditRecords(from: 0, limit: 1000, includingSealedValues: false)
            let leaves = try records.map { try MerkleHash(bytes: $0.leafHash) }
            let reference = ProofGenerator(store: InMemoryHashStore(leafHashes: leaves))
            for size in [1, 2, 255, 256, 257, 511, 512, 513, 600] as [UInt64] {
                let root = try reference.rootHash(treeSize: size)
                for index in Set([0, size / 2, size - 1]) {
                    let proof = try await harness.log.inclusionProof(leafIndex: index, treeSize: size)
                    let expected = try reference.inclusionProof(leafIndex: index, treeSize: size)
                    #expect(proof.hashes == expected.hashes.map(\.bytes), "inclusion \(index) in \(size)")
                    #expect(InclusionProof(leafIndex: index, treeSize: size, hashes: expected.hashes).isValid(leafHash: leaves[Int(index)], rootHash: root))
                }
                for from in [1, size / 3, size] as [UInt64] where from <= size {
                    let proof = try await harness.log.consistencyProof(from: from, to: size)
                    #expect(proof.hashes == (try reference.consistencyProof(from: from, to: size)).hashes.map(\.bytes), "consistency \(from)→\(size)")
                }
            }
            await #expect(throws: HeraldError.self) { try await harness.log.inclusionProof(leafIndex: 600, treeSize: 600) }
            await #expect(throws: HeraldError.self) { try await harness.log.consistencyProof(from: 10, to: 601) }
        }
    }

    @Test func proofsStillWorkWhenTheSubtreeCacheIsGone() async throws {
        try await AuditLogHarness.with { harness in
            try await harness.store.appendAudit((0..<300).map { AuditLogHarness.event($0, at: harness.clock.now()) })
            let cached = try await harness.log.inclusionProof(leafIndex: 3, treeSize: 300)
            try harness.tamper { db in try db.execute(sql: "DELETE FROM audit_log_subtrees") }
            #expect(try await harness.log.inclusionProof(leafIndex: 3, treeSize: 300) == cached)
        }
    }

    static func message(account: AccountID, at time: Timestamp, random: any RandomSource, body: String? = "Your code is not in here", channel: Message.Channel = .http) -> Message {
        Message(
            id: MessageID.generate(at: time, random: random), accountID: account, to: "+4915123456789", from: "Herald", body: body,
            bodyPolicy: body == nil ? .ephemeral : .retained, status: .queued, clientReference: nil, callbackURL: nil, validUntil: time.adding(seconds: 3600),
            sendAt: time, createdAt: time, destination: Destination(regionCode: "DE", countryCallingCode: 49, mcc: "262", mnc: "01", numberType: "mobile"),
            encoding: "gsm7", partCount: 1, channel: channel, concatenationReference: 1, history: [StatusChange(status: .queued, at: time)], originNode: "node-a")
    }
}
