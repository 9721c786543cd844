import Foundation
import GRDB
import HeraldAuditLog
import HeraldCore
import HeraldSQLite
import Logging
import MerkleLog

/// A SQLite store with the sealed audit log in a temporary directory, the log over it, and raw SQL access
/// to the file for tampering.
struct AuditLogHarness: Sendable {
    static let origin = "audit.tests.herald.example/log"
    static let seed: [UInt8] = Array(0..<32)

    let directory: URL
    let identity: AuditLogIdentity
    let clock: ManualClock
    var store: SQLiteHeraldStore
    var log: MerkleAuditLog

    var path: String { directory.appendingPathComponent("herald.sqlite").path }
    var trustedKey: NoteVerifierKey { try! NoteVerifierKey(parsing: identity.verifierKey) }

    static func logger() -> Logger {
        var logger = Logger(label: "herald.tests.audit")
        logger.logLevel = .critical
        return logger
    }

    /// Opens a fresh harness, runs `body`, and removes the directory whatever happens.
    static func with<T>(sealed: Bool = true, _ body: (inout AuditLogHarness) async throws -> T) async throws -> T {
        var harness = try await AuditLogHarness(sealed: sealed)
        do {
            let result = try await body(&harness)
            try? await harness.store.close()
            try? FileManager.default.removeItem(at: harness.directory)
            return result
        } catch {
            try? await harness.store.close()
            try? FileManager.default.removeItem(at: harness.directory)
            throw error
        }
    }

    init(sealed: Bool) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-audit-\(UUID().uuidString)")
        identity = try AuditLogIdentity.generate(origin: Self.origin, seed: Self.seed)
        clock = ManualClock()
        store = try SQLiteHeraldStore(path: directory.appendingPathComponent("herald.sqlite").path, logger: Self.logger(), auditSealer: sealed ? try MerkleAuditSealer(identity: identity) : nil)
        try await store.migrate()
        log = MerkleAuditLog(identity: identity, store: store, clock: clock, logger: Self.logger())
    }

    /// Closes and reopens the store (with or without a sealer), e.g. after tampering with the file.
    mutating func reopen(sealed: Bool = true) async throws {
        try await store.close()
        store = try SQLiteHeraldStore(path: path, logger: Self.logger(), auditSealer: sealed ? try MerkleAuditSealer(identity: identity) : nil)
        try await store.migrate()
        log = MerkleAuditLog(identity: identity, store: store, clock: clock, logger: Self.logger())
    }

    /// Runs raw SQL on the database file through a separate connection, as someone with file access would.
    func tamper(_ body: (Database) throws -> Void) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write(body)
        try queue.close()
    }

    /// Appends `count` typical events (every third with a sealed number), one transaction each.
    func appendEvents(_ count: Int, from first: Int = 0) async throws {
        for n in first..<(first + count) {
            try await store.appendAudit([Self.event(n, at: clock.now())])
            clock.advance(by: .milliseconds(10))
        }
    }

    static func event(_ n: Int, at time: Timestamp) -> AuditEvent {
        AuditEvent(
            at: time, actor: n % 2 == 0 ? .operator("alice") : .system("dispatcher"), action: n % 3 == 0 ? "carrier.submit_sm" : "route.update",
            target: "target-\(n)", details: ["n": String(n)], sensitive: n % 3 == 0 ? ["to": "+4477009001\(String(format: "%02d", n % 100))"] : [:])
    }

    /// The whole log as a bundle, through the exporter.
    func exportBundle(sealedValues: AuditSealedValueSelection = .all, inclusionProofs: [UInt64] = []) async throws -> (bundle: AuditBundle, summary: AuditExportSummary) {
        var bytes: [UInt8] = []
        let summary = try await log.exportBundle(sealedValues: sealedValues, inclusionProofsFor: inclusionProofs) { chunk in
            bytes += chunk
        }
        return (try AuditBundle(jsonLines: bytes), summary)
    }

    func verify(_ bundle: AuditBundle, known: [String] = []) -> VerificationReport {
        BundleVerifier(trustedKey: trustedKey, knownCheckpoints: known).verify(bundle)
    }
}
