import HeraldCore
import PostgresNIO

/// Column mapping of ``CustomerSMPPDelivery`` to the `smpp_deliveries` table (the customer SMPP outbox).
/// `content` is the receipt's ``DeliveryReport`` as JSON, or the inbound message id.
enum CustomerSMPPDeliveryTable {
    static let columns = "id, account_id, kind, content, created_at, status, attempts, next_attempt_at, last_error"

    static let insertSQL = "INSERT INTO smpp_deliveries (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"

    /// Records an attempt's outcome and releases the lease.
    static let saveOutcome = """
        UPDATE smpp_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL
        WHERE id = ?
        """

    static func insert(_ deliveries: [CustomerSMPPDelivery], in tx: PostgresTransaction) async throws {
        for delivery in deliveries { try await tx.execute(insertSQL, try arguments(delivery)) }
    }

    static func arguments(_ d: CustomerSMPPDelivery) throws -> [any PostgresBindable] {
        let content: String
        switch d.content {
        case .receipt(let report): content = try JSONText.encode(report)
        case .inbound(let id): content = id.rawValue
        }
        return [
            d.id.rawValue, d.accountID.rawValue, d.kind, content, d.createdAt.millisecondsSince1970, d.status.rawValue, d.attempts,
            d.nextAttemptAt.millisecondsSince1970, d.lastError,
        ]
    }

    static func outcomeArguments(_ d: CustomerSMPPDelivery) -> [any PostgresBindable] {
        [d.status.rawValue, d.attempts, d.nextAttemptAt.millisecondsSince1970, d.lastError, d.id.rawValue]
    }

    static func decode(_ row: PostgresRow) throws -> CustomerSMPPDelivery {
        var r = PostgresRowReader(row)
        let id = CustomerSMPPDeliveryID(unchecked: try r.next(String.self))
        let accountID = AccountID(unchecked: try r.next(String.self))
        let kind: String = try r.next()
        let content: CustomerSMPPDelivery.Content
        switch kind {
        case "receipt": content = .receipt(try r.json(DeliveryReport.self, "delivery report"))
        case "inbound": content = .inbound(InboundMessageID(unchecked: try r.next(String.self)))
        default: throw PostgresStoreError.corrupt("SMPP delivery kind", kind)
        }
        var delivery = CustomerSMPPDelivery(id: id, accountID: accountID, content: content, createdAt: try r.timestamp())
        delivery.status = try r.enumeration(CustomerSMPPDelivery.Status.self, "SMPP delivery status")
        delivery.attempts = try r.int()
        delivery.nextAttemptAt = try r.timestamp()
        delivery.lastError = try r.next()
        return delivery
    }
}
