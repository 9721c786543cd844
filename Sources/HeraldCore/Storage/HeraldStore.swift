/// Everything the gateway persists. One implementation per database backend.
public protocol HeraldStore: AccountStore, MessageStore, WebhookStore, AuditQueueStore {
    /// Creates or upgrades the schema; safe to call on every start.
    func migrate() async throws
    /// Closes connections.
    func close() async throws
}
