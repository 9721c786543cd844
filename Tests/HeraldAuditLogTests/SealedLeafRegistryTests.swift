import Foundation
import GRDB
@testable import HeraldAuditLog
import HeraldCore
import HeraldSQLite
import MerkleLog
import Testing

/// The issuer trusts leaves its own process sealed, and still catches everything else.
@Suite struct SealedLeafRegistryTests {
    @Test func boundedAndForgetsWhatACheckpointCovered() throws {
        let registry = SealedLeafRegistry(capacity: 3)
        let hashes = try (0..<5).map { try MerkleHash(bytes: [UInt8](repeating: UInt8($0), count: 32)) }
        registry.insert(hashes)
        #expect(registry.count == 3)
        #expect(!registry.contains(hashes[0]) && registry.contains(hashes[4]))
        registry.remove([hashes[3], hashes[4]])
        #expect(registry.count == 1 && registry.contains(hashes[2]))
    }

    @Test func sealedHereNeedNoSecondSignatureCheckButForgeriesAreStillRefused() async throws {
        try await AuditLogHarness.with { harness in
            let leaves = SealedLeafRegistry()
            try await harness.store.close()
            harness.store = try SQLiteHeraldStore(path: harness.path, logger: AuditLogHarness.logger(), auditSealer: try MerkleAuditSealer(identity: harness.identity, leaves: leaves))
            try await harness.store.migrate()
            harness.log = MerkleAuditLog(identity: harness.identity, store: harness.store, clock: harness.clock, leaves: leaves, logger: AuditLogHarness.logger())
            try await harness.appendEvents(20)
            #expect(leaves.count == 20)
            #expect(try await harness.log.issueCheckpoint().size == 20)
            #expect(leaves.count == 0)

            try await harness.appendEvents(3, from: 20)
            let forger = try MerkleAuditSealer(identity: AuditLogIdentity.generate(origin: AuditLogHarness.origin, seed: Array(repeating: 9, count: 32)))
            let forged = try forger.seal([AuditLogHarness.event(98, at: harness.clock.now())], after: try await harness.store.auditLogHead())
            try harness.tamper { db in
                let record = forged.records[0]
                try db.execute(
                    sql: "INSERT INTO audit_log_entries (leaf_index, at, action, target, previous_hash, public_payload, commitments, signature, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [Int64(record.index), record.at.millisecondsSince1970, record.action, record.target, Data(record.previousHash),
                                Data(record.publicPayload), "[]", Data(record.signature), Data(record.leafHash)])
                try db.execute(sql: "UPDATE audit_log_head SET size = ?, state = ? WHERE id = 1", arguments: [Int64(forged.head.size), Data(forged.head.state)])
            }
            await #expect { try await harness.log.issueCheckpoint() } throws: { error in
                (error as? HeraldError)?.message.contains("entry 23 is not signed") == true
            }
        }
    }
}
