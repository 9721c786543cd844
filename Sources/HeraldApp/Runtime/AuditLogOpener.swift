import Foundation
import HeraldAuditLog
import HeraldCore
import Logging

/// Opens a node's audit log outside `herald serve` (for `herald audit export` and `herald audit key`): the
/// secrets file of the configured data directory and, for the log itself, the configured database.
///
/// ```swift
/// let opened = try await AuditLogOpener.open(configuration, logger: logger)
/// try await opened.log.exportBundle(sealedValues: .none, inclusionProofsFor: []) { try file.write(contentsOf: $0) }
/// try await opened.store.close()
/// ```
public enum AuditLogOpener {
    /// The audit log's identity from the secrets file (created, like on a first `herald serve`, when missing).
    public static func identity(_ configuration: HeraldConfiguration, random: any RandomSource = SystemRandomSource()) throws -> AuditLogIdentity {
        let path = ServerSecrets.path(dataDirectory: configuration.dataDirectory)
        return try ServerSecrets.loadOrCreate(at: path, random: random, auditOrigin: configuration.audit.origin).auditLogIdentity()
    }

    /// Opens and migrates the store (which seals any queued events) and the log over it.
    public static func open(
        _ configuration: HeraldConfiguration, logger: Logger, clock: any HeraldClock = SystemClock(), random: any RandomSource = SystemRandomSource()
    ) async throws -> (store: any GatewayStore, log: MerkleAuditLog) {
        let identity = try identity(configuration, random: random)
        let store = try StoreOpener.open(configuration, logger: logger, auditSealer: try MerkleAuditSealer(identity: identity, random: random))
        do {
            try await store.migrate()
        } catch {
            try? await store.close()
            throw error
        }
        return (store, MerkleAuditLog(identity: identity, store: store, clock: clock, logger: logger))
    }
}
