import Foundation
import HeraldAuditLog
import HeraldCore
import HeraldSQLite
import Logging

/// ``StorageBackend`` over ``SQLiteHeraldStore`` in a temporary directory, sealing audit events into the
/// Merkle audit log as `herald serve` does.
struct SQLiteBackend: StorageBackend {
    let directory: URL
    let sqlite: SQLiteHeraldStore
    var store: any HeraldStore { sqlite }

    static func temporary(configuration: SQLiteStoreConfiguration = SQLiteStoreConfiguration()) throws -> SQLiteBackend {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-storage-\(UUID().uuidString)")
        return try SQLiteBackend(directory: directory, configuration: configuration)
    }

    init(directory: URL, configuration: SQLiteStoreConfiguration = SQLiteStoreConfiguration()) throws {
        self.directory = directory
        // A sub-directory that does not exist yet: the store creates it.
        var logger = Logger(label: "herald.tests.sqlite")
        logger.logLevel = .warning
        sqlite = try SQLiteHeraldStore(
            path: directory.appendingPathComponent("data/herald.sqlite").path, configuration: configuration, logger: logger,
            auditSealer: try MerkleAuditSealer(identity: Self.auditIdentity))
    }

    /// The audit log key of every test backend.
    static let auditIdentity = try! AuditLogIdentity.generate(origin: "storage.tests.herald.example/audit", seed: Array(repeating: 3, count: 32))

    func auditEvents() async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        var after: Int64 = 0
        while true {
            let page = try await sqlite.auditEvents(after: after, limit: 500)
            guard let last = page.last else { return events }
            events += page.map(\.event)
            after = last.sequence
        }
    }

    func reopened() async throws -> any StorageBackend {
        try await sqlite.close()
        let again = try SQLiteBackend(directory: directory, configuration: sqlite.configuration)
        try await again.store.migrate()
        return again
    }

    func destroy() async {
        try? await sqlite.close()
        try? FileManager.default.removeItem(at: directory)
    }
}
