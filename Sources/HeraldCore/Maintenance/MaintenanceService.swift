import Logging
import ServiceLifecycle

/// Housekeeping: expires messages whose validity passed, erases message bodies past retention (with the
/// message text sealed in their audit entries) and inbound (mobile-originated) bodies past the same period,
/// erases the audit log's sealed values past theirs, drops
/// idempotency records past theirs, and purges the in-memory body vault. Retention changes operators
/// approve (two-person rule) apply from the next round.
public final class MaintenanceService: Service {
    public struct Dependencies: Sendable {
        public var store: any HeraldStore
        public var clock: any HeraldClock
        public var webhooks: MessageWebhookFactory
        public var vault: EphemeralBodyVault
        /// Retention approved by operators; when it holds settings they replace the configuration's
        /// `bodyRetention` and `receiptGrace` from the next round on.
        public var retention: (any RetentionStore)?
        /// The audit log whose sealed values retention erases; `nil` erases none.
        public var auditLog: (any AuditLogStore)?
        /// Inbound messages, whose bodies are kept no longer than outbound ones; `nil` erases none.
        public var inbound: (any InboundStore)?

        public init(
            store: any HeraldStore, clock: any HeraldClock, webhooks: MessageWebhookFactory, vault: EphemeralBodyVault,
            retention: (any RetentionStore)? = nil, auditLog: (any AuditLogStore)? = nil, inbound: (any InboundStore)? = nil
        ) {
            self.store = store
            self.clock = clock
            self.webhooks = webhooks
            self.vault = vault
            self.retention = retention
            self.auditLog = auditLog
            self.inbound = inbound
        }
    }

    private let dependencies: Dependencies
    private let configuration: MaintenanceConfiguration
    private let logger: Logger

    public init(dependencies: Dependencies, configuration: MaintenanceConfiguration, logger: Logger) {
        self.dependencies = dependencies
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            do {
                try await runOnce()
            } catch {
                logger.error("housekeeping failed", metadata: ["error": "\(error)"])
            }
            await Task.sleepUnlessShuttingDown(for: configuration.interval)
        }
    }

    /// One round of housekeeping (exposed for tests).
    public func runOnce() async throws {
        let configuration = try await effectiveConfiguration()
        let expired = try await expireMessages(receiptGrace: configuration.receiptGrace)
        if expired > 0 { logger.info("expired messages", metadata: ["count": "\(expired)"]) }
        let now = dependencies.clock.now()
        if let retention = configuration.bodyRetention {
            let cutoff = now.adding(.zero - retention)
            let erased = try await dependencies.store.eraseBodies(
                createdBefore: cutoff, limit: 1000,
                audit: [AuditEvent(at: now, actor: .system("retention"), action: "message.erase_bodies", target: "messages", details: ["created_before": cutoff.iso8601])])
            if !erased.isEmpty { logger.info("erased message bodies past retention", metadata: ["count": "\(erased.count)"]) }
            if let inbound = dependencies.inbound {
                let erased = try await eraseInboundBodies(receivedBefore: cutoff, in: inbound, now: now)
                if erased > 0 { logger.info("erased inbound bodies past retention", metadata: ["count": "\(erased)"]) }
            }
        }
        if let retention = configuration.auditSealedValueRetention, let auditLog = dependencies.auditLog {
            let cutoff = now.adding(.zero - retention)
            let erased = try await auditLog.eraseSealedAuditValues(
                recordedBefore: cutoff, limit: 5000,
                audit: [AuditEvent(at: now, actor: .system("retention"), action: "audit.erase_sealed_values", target: "audit_log", details: ["recorded_before": cutoff.iso8601])])
            if erased > 0 { logger.info("erased sealed audit values past retention", metadata: ["count": "\(erased)"]) }
        }
        _ = try await dependencies.store.deleteExpiredIdempotencyRecords(now: now)
        dependencies.vault.purgeExpired()
    }

    /// Erases every inbound body received before `cutoff`, in batches; returns how many.
    private func eraseInboundBodies(receivedBefore cutoff: Timestamp, in inbound: any InboundStore, now: Timestamp) async throws -> Int {
        var total = 0
        while true {
            let erased = try await inbound.eraseInboundBodies(
                receivedBefore: cutoff, limit: 1000,
                audit: [AuditEvent(at: now, actor: .system("retention"), action: "inbound.erase_bodies", target: "inbound_messages", details: ["received_before": cutoff.iso8601])])
            total += erased
            if erased < 1000 { return total }
        }
    }

    /// The configuration with the retention operators approved, if any.
    public func effectiveConfiguration() async throws -> MaintenanceConfiguration {
        var effective = configuration
        if let approved = try await dependencies.retention?.retentionRecord() {
            effective.bodyRetention = approved.settings.bodyRetention
            effective.receiptGrace = approved.settings.receiptGrace
        }
        return effective
    }

    /// Marks every message whose validity passed as expired; returns how many.
    public func expireMessages() async throws -> Int {
        try await expireMessages(receiptGrace: try await effectiveConfiguration().receiptGrace)
    }

    private func expireMessages(receiptGrace: Duration) async throws -> Int {
        var total = 0
        while true {
            let now = dependencies.clock.now()
            let candidates = try await dependencies.store.expirableMessages(now: now, receiptGrace: receiptGrace, limit: 500)
            if candidates.isEmpty { return total }
            let updates = candidates.map { candidate -> MessageUpdate in
                var message = candidate
                let submitted = message.status == .submitted
                message.error = submitted
                    ? MessageError(code: "receipt_timeout", description: "no delivery receipt arrived before the validity period ended")
                    : MessageError(code: "validity_expired", description: "the validity period ended before the message could be sent")
                message.transition(to: .expired, at: now, detail: message.error?.code)
                if message.bodyPolicy == .ephemeral { dependencies.vault.remove(message.id) }
                return MessageUpdate(message: message, effects: dependencies.webhooks.statusEffects(for: message, at: now))
            }
            let written = try await dependencies.store.saveMessageUpdates(updates)
            total += written.filter { $0 }.count
            if candidates.count < 500 { return total }
        }
    }
}
