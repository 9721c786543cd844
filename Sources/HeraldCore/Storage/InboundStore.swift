/// Storage port for inbound (mobile-originated) messages and the opt-outs they carry.
public protocol InboundStore: OptOutStore {
    /// Stores an inbound message with its opt-out change, webhooks, SMPP customer deliveries and audit
    /// events, atomically.
    func insertInbound(_ message: InboundMessage, optOutChange: OptOutChange?, effects: SideEffects) async throws
    /// One inbound message, scoped to `accountID` when given.
    func inboundMessage(_ id: InboundMessageID, accountID: AccountID?) async throws -> InboundMessage?
    /// Messages matching `query`, newest first, at most `query.limit`.
    func inboundMessages(matching query: InboundQuery) async throws -> [InboundMessage]
    /// Erases the bodies of inbound messages received before `time` (at most `limit`); returns how many.
    /// `audit` is stored only when at least one body was erased.
    func eraseInboundBodies(receivedBefore time: Timestamp, limit: Int, audit: [AuditEvent]) async throws -> Int
}
