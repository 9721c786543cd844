import Foundation
import HeraldAuditLog
import HeraldCore
import HeraldPostgres
import MerkleLog
import Testing

/// Two stores (two nodes) on one PostgreSQL schema, racing: claims, idempotent inserts and audit appends.
/// Absent when `HERALD_TEST_POSTGRES_URL` is unset.
@Suite(.enabled(if: PostgresBackend.configuredURL != nil, "set HERALD_TEST_POSTGRES_URL to run the PostgreSQL tests"))
struct PostgresConcurrencyTests {
    /// A fresh schema with two nodes' stores, both migrated at once (the advisory lock makes that safe).
    static func withTwoNodes(_ body: (PostgresHeraldStore, PostgresHeraldStore, PostgresBackend) async throws -> Void) async throws {
        let backend = try PostgresBackend.fresh(url: try #require(PostgresBackend.configuredURL))
        let other = try backend.secondNode()
        do {
            async let first: Void = backend.postgres.migrate()
            async let second: Void = other.migrate()
            _ = try await (first, second)
            try await body(backend.postgres, other, backend)
            try? await other.close()
            await backend.destroy()
        } catch {
            try? await other.close()
            await backend.destroy()
            throw error
        }
    }

    @Test func twoNodesNeverClaimTheSameMessage() async throws {
        try await Self.withTwoNodes { a, b, _ in
            let f = Fixtures()
            let account = f.account()
            let messages = (0..<1000).map { f.message(of: account, at: f.at(milliseconds: Int64($0))) }
            for chunk in stride(from: 0, to: messages.count, by: 250) {
                _ = try await a.insertMessages(Array(messages[chunk..<chunk + 250]), idempotency: nil, webhooks: [], audit: [])
            }
            let now = f.at(seconds: 10)
            let claims = try await withThrowingTaskGroup(of: [MessageID].self, returning: [[MessageID]].self) { group in
                for claimant in 0..<6 {
                    let store = claimant % 2 == 0 ? a : b
                    group.addTask {
                        var mine: [MessageID] = []
                        while true {
                            let batch = try await store.claimDueMessages(now: now, limit: 25, owner: "node-\(claimant)", leaseUntil: now.adding(seconds: 60))
                            if batch.isEmpty { return mine }
                            mine += batch.map(\.id)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let all = claims.flatMap { $0 }
            #expect(all.count == 1000, "a message was claimed twice or not at all")
            #expect(Set(all) == Set(messages.map(\.id)))
            #expect(claims.filter { !$0.isEmpty }.count > 1, "only one claimant got work: the claims did not overlap")
        }
    }

    @Test func concurrentInsertsWithOneIdempotencyKeyStoreOneMessage() async throws {
        try await Self.withTwoNodes { a, b, backend in
            let f = Fixtures()
            let account = f.account()
            try await a.insertAccount(account, apiKeys: [], audit: [])
            let attempts = (0..<16).map { f.message(of: account, at: f.at(seconds: Int64($0))) }
            let outcomes = try await withThrowingTaskGroup(of: (MessageID, InsertOutcome).self, returning: [(MessageID, InsertOutcome)].self) { group in
                for (n, message) in attempts.enumerated() {
                    let store = n % 2 == 0 ? a : b
                    group.addTask {
                        let record = IdempotencyRecord(
                            accountID: account.id, key: "same-key", fingerprint: "fp", responseStatus: 202, responseBody: #"{"id":"\#(message.id)"}"#,
                            createdAt: f.start, expiresAt: f.at(seconds: 3600))
                        return (message.id, try await store.insertMessages([message], idempotency: record, webhooks: [], audit: [f.audit("message.accept", target: message.id.rawValue)]))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let winners = outcomes.filter { $0.1 == .inserted }.map(\.0)
            #expect(winners.count == 1)
            let stored = try await a.messages(matching: MessageQuery(accountID: account.id, limit: 100))
            #expect(stored.map(\.id) == winners)
            let record = try #require(try await b.idempotencyRecord(accountID: account.id, key: "same-key"))
            for (_, outcome) in outcomes where outcome != .inserted { #expect(outcome == .replay(record)) }
            #expect(try await backend.auditEvents().map(\.target) == winners.map(\.rawValue))
        }
    }

    @Test func concurrentAuditAppendsFromTwoNodesFormOneVerifiableLog() async throws {
        try await Self.withTwoNodes { a, b, _ in
            let f = Fixtures()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<8 {
                    let store = writer % 2 == 0 ? a : b
                    group.addTask {
                        for n in 0..<25 {
                            try await store.appendAudit([
                                f.audit("test.append", target: "w\(writer)-\(n)-a"), f.audit("test.append", target: "w\(writer)-\(n)-b"),
                            ])
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await a.auditLogHead().size == 400)
            let records = try await b.auditRecords(from: 0, limit: 1000, includingSealedValues: false)
            #expect(records.map(\.index) == Array(0..<400))
            // Both events of one append are neighbours: appends never interleave.
            for pair in stride(from: 0, to: records.count, by: 2) {
                #expect(records[pair].target.dropLast(2) == records[pair + 1].target.dropLast(2))
            }

            // The exported bundle verifies against the audit key: one hash chain, one tree, signed entries.
            let identity = SQLiteBackend.auditIdentity
            let log = MerkleAuditLog(identity: identity, store: a, clock: ManualClock(start: f.at(seconds: 100)), logger: PostgresBackend.logger())
            var bytes: [UInt8] = []
            try await log.exportBundle(sealedValues: .all, inclusionProofsFor: [0, 399]) { bytes += $0 }
            let report = BundleVerifier(trustedKey: try NoteVerifierKey(parsing: identity.verifierKey)).verify(try AuditBundle(jsonLines: bytes))
            #expect(report.isClean, "\(report.rendered)")
            #expect(report.entryCount == 400)
        }
    }
}
