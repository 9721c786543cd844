import Foundation
import GRDB
import HeraldAuditLog
import HeraldCore
import HeraldSQLite
import MerkleLog
import Testing

/// Someone with write access to the database file changes the audit log with raw SQL; the exported bundle
/// shows exactly what was done, and to which entry.
@Suite struct DatabaseTamperingTests {
    /// Ten entries (0, 3, 6 and 9 with a sealed number) and a checkpoint an auditor kept.
    static func prepared(_ harness: inout AuditLogHarness) async throws -> String {
        try await harness.appendEvents(10)
        return try await harness.log.issueCheckpoint().note
    }

    static func problems(_ report: VerificationReport) -> [String] {
        report.problems.map { "\($0.kind.rawValue)@\($0.entryIndex.map(String.init) ?? "-")" }
    }

    @Test func untouchedDatabaseVerifiesClean() async throws {
        try await AuditLogHarness.with { harness in
            let kept = try await Self.prepared(&harness)
            let report = harness.verify(try await harness.exportBundle().bundle, known: [kept])
            #expect(report.isClean, "\(report.rendered)")
        }
    }

    @Test func anEditedEntryIsReportedAsEditedAtItsIndex() async throws {
        try await AuditLogHarness.with { harness in
            let kept = try await Self.prepared(&harness)
            try harness.tamper { db in
                try db.execute(sql: """
                    UPDATE audit_log_entries SET public_payload = CAST(replace(CAST(public_payload AS TEXT), '"alice"', '"mallory"') AS BLOB)
                    WHERE leaf_index = 4
                    """)
                #expect(db.changesCount == 1)
            }
            let report = harness.verify(try await harness.exportBundle().bundle, known: [kept])
            #expect(!report.isClean)
            #expect(report.findings(of: .edited).map(\.entryIndex) == [4], "\(report.rendered)")
            #expect(Set(report.problems.map(\.kind)).isSubset(of: [.edited, .rootMismatch]), "\(report.rendered)")
        }
    }

    @Test func aDeletedEntryIsReportedAsDropped() async throws {
        try await AuditLogHarness.with { harness in
            let kept = try await Self.prepared(&harness)
            try harness.tamper { db in
                try db.execute(sql: "DELETE FROM audit_log_entries WHERE leaf_index = 6")
                try db.execute(sql: "DELETE FROM audit_sealed_values WHERE entry_index = 6")
            }
            let report = harness.verify(try await harness.exportBundle().bundle, known: [kept])
            let dropped = report.findings(of: .dropped)
            #expect(dropped.count == 1, "\(report.rendered)")
            #expect(dropped.first?.entryIndex == 6 && (dropped.first?.lastEntryIndex ?? 6) == 6, "\(report.rendered)")
            #expect(Set(report.problems.map(\.kind)).isSubset(of: [.dropped, .rootMismatch]), "\(report.rendered)")
        }
    }

    @Test func swappedEntriesAreReportedAtBothIndices() async throws {
        try await AuditLogHarness.with { harness in
            let kept = try await Self.prepared(&harness)
            try harness.tamper { db in
                // Exchange everything but the index of rows 2 and 5.
                try db.execute(sql: "UPDATE audit_log_entries SET leaf_index = -1 WHERE leaf_index = 2")
                try db.execute(sql: "UPDATE audit_log_entries SET leaf_index = 2 WHERE leaf_index = 5")
                try db.execute(sql: "UPDATE audit_log_entries SET leaf_index = 5 WHERE leaf_index = -1")
            }
            let report = harness.verify(try await harness.exportBundle().bundle, known: [kept])
            #expect(!report.isClean)
            let located = Set(report.problems.filter { $0.kind != .rootMismatch }.flatMap { finding -> [UInt64] in
                guard let first = finding.entryIndex else { return [] }
                return Array(first...(finding.lastEntryIndex ?? first))
            })
            #expect(located == [2, 5], "\(report.rendered)")
        }
    }

    @Test func aForgedEntryIsReportedAsInserted() async throws {
        try await AuditLogHarness.with { harness in
            let kept = try await Self.prepared(&harness)
            // The tamperer knows the format and computes a correct chain, leaf and head — with their own key.
            let forger = try MerkleAuditSealer(identity: AuditLogIdentity.generate(origin: AuditLogHarness.origin, seed: Array(repeating: 7, count: 32)))
            let head = try await harness.store.auditLogHead()
            let forged = try forger.seal(
                [AuditEvent(at: harness.clock.now(), actor: .operator("alice"), action: "data.export", target: "messages", outcome: "approved")], after: head)
            try harness.tamper { db in
                let record = forged.records[0]
                try db.execute(
                    sql: "INSERT INTO audit_log_entries (leaf_index, at, action, target, previous_hash, public_payload, commitments, signature, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?)",
                    arguments: [Int64(record.index), record.at.millisecondsSince1970, record.action, record.target, Data(record.previousHash),
                                Data(record.publicPayload), Data(record.signature), Data(record.leafHash)])
                try db.execute(sql: "UPDATE audit_log_head SET size = ?, state = ? WHERE id = 1", arguments: [Int64(forged.head.size), Data(forged.head.state)])
            }
            let report = harness.verify(try await harness.exportBundle().bundle, known: [kept])
            #expect(report.findings(of: .inserted).map(\.entryIndex) == [10], "\(report.rendered)")
            #expect(Self.problems(report) == ["inserted@10"], "\(report.rendered)")
        }
    }

    @Test func aChangedSealedValueIsReportedAsEdited() async throws {
        try await AuditLogHarness.with { harness in
            let kept = try await Self.prepared(&harness)
            try harness.tamper { db in
                try db.execute(sql: "UPDATE audit_sealed_values SET value = CAST('+447700900999' AS BLOB) WHERE entry_index = 3 AND name = 'to'")
                #expect(db.changesCount == 1)
            }
            let report = harness.verify(try await harness.exportBundle().bundle, known: [kept])
            #expect(Self.problems(report) == ["edited@3"], "\(report.rendered)")
        }
    }

    @Test func erasedSealedValuesAreRedactedNotTampering() async throws {
        try await AuditLogHarness.with { harness in
            let kept = try await Self.prepared(&harness)
            try harness.tamper { db in try db.execute(sql: "DELETE FROM audit_sealed_values") }
            let report = harness.verify(try await harness.exportBundle().bundle, known: [kept])
            #expect(report.isClean, "\(report.rendered)")
            #expect(report.findings(of: .redacted).compactMap(\.entryIndex) == [0, 3, 6, 9])
        }
    }

    /// Cutting entries off the end, rewinding the head and deleting the stored checkpoints: a restarted node
    /// knows no better and signs the shorter log, but the checkpoint an auditor kept reveals the truncation.
    @Test func truncationIsRevealedByTheAuditorsKeptCheckpoint() async throws {
        try await AuditLogHarness.with { harness in
            let kept = try await Self.prepared(&harness)
            let (honest, _) = try await harness.exportBundle()
            let records = try await harness.store.auditRecords(from: 0, limit: 8, includingSealedValues: false)
            let state = CompactRange(leafHashes: try records.map { try MerkleHash(bytes: $0.leafHash) })
            let shorter = try AuditLogState(frontier: state, lastLeafHash: MerkleHash(bytes: records[7].leafHash))
            try harness.tamper { db in
                try db.execute(sql: "DELETE FROM audit_log_entries WHERE leaf_index >= 8")
                var bytes: [UInt8] = []
                withUnsafeBytes(of: UInt64(8).bigEndian) { bytes += $0 }
                bytes += shorter.lastLeafHash.bytes
                for hash in shorter.frontier.hashes { bytes += hash.bytes }
                try db.execute(sql: "UPDATE audit_log_head SET size = 8, state = ?", arguments: [Data(bytes)])
                try db.execute(sql: "DELETE FROM audit_checkpoints")
            }
            try await harness.reopen()
            // A fresh process knows no checkpoint (they were deleted too) and signs the shorter log …
            let (rewritten, _) = try await harness.exportBundle()
            // … but the auditor's kept checkpoint of size 10 exposes the rewrite.
            let report = harness.verify(rewritten, known: [kept])
            #expect(report.findings(of: .dropped).first?.entryIndex == 8, "\(report.rendered)")
            #expect(harness.verify(honest, known: [kept]).isClean)
        }
    }

    @Test func aRunningNodeRefusesToSignATruncatedLog() async throws {
        try await AuditLogHarness.with { harness in
            _ = try await Self.prepared(&harness)
            try harness.tamper { db in
                try db.execute(sql: "DELETE FROM audit_log_entries WHERE leaf_index = 9")
                try db.execute(sql: "UPDATE audit_log_head SET size = 9")
            }
            await #expect { try await harness.log.issueCheckpoint() } throws: { error in
                (error as? HeraldError)?.code == "audit_log_inconsistent"
            }
        }
    }
}
