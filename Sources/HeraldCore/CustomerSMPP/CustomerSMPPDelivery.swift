/// The kind tag for customer SMPP delivery identifiers (`smd_…`).
public enum CustomerSMPPDeliveryKind: IdentifierKind { public static let prefix = "smd" }
public typealias CustomerSMPPDeliveryID = Identifier<CustomerSMPPDeliveryKind>

/// One `deliver_sm` owed to an SMPP customer — a delivery receipt or a mobile-originated message — kept in
/// a durable outbox until one of the account's receiver or transceiver binds acknowledged it.
///
/// Written in the same transaction as the change it reports (a final message status, a stored inbound
/// message), so a restart loses none. While the account has no receiving bind the entry waits without
/// using up attempts; it is given up when it is older than the hold time (see docs/customer-smpp.md).
public struct CustomerSMPPDelivery: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        /// A delivery receipt (`esm_class` 0x04).
        case receipt(DeliveryReport)
        /// A mobile-originated message, read from the inbound store when sent.
        case inbound(InboundMessageID)
    }

    public enum Status: String, Sendable, Codable, Equatable {
        case pending
        case delivered
        /// Refused permanently by the customer, out of attempts, or held longer than the hold time.
        case failed
    }

    public var id: CustomerSMPPDeliveryID
    public var accountID: AccountID
    public var content: Content
    public var createdAt: Timestamp
    public var status: Status
    /// Attempts on a bound session (waiting for a bind uses none).
    public var attempts: Int
    public var nextAttemptAt: Timestamp
    public var lastError: String?

    public init(id: CustomerSMPPDeliveryID, accountID: AccountID, content: Content, createdAt: Timestamp) {
        self.id = id
        self.accountID = accountID
        self.content = content
        self.createdAt = createdAt
        self.status = .pending
        self.attempts = 0
        self.nextAttemptAt = createdAt
        self.lastError = nil
    }

    /// `receipt` or `inbound`.
    public var kind: String {
        switch content {
        case .receipt: return "receipt"
        case .inbound: return "inbound"
        }
    }
}
