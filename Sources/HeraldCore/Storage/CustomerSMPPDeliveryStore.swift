/// Storage port for the customer SMPP outbox (``CustomerSMPPDelivery``). Entries are created with the
/// change they report (``SideEffects/smppDeliveries``) or, for receipts Herald issues on its own (an
/// incomplete multipart message), with ``enqueueCustomerSMPPDeliveries(_:audit:)``.
public protocol CustomerSMPPDeliveryStore: Sendable {
    func enqueueCustomerSMPPDeliveries(_ deliveries: [CustomerSMPPDelivery], audit: [AuditEvent]) async throws
    /// Leases up to `limit` pending, due entries of the given accounts (those with a receiving bind on this
    /// node) to `owner` until `leaseUntil`, oldest first.
    func claimCustomerSMPPDeliveries(accountIDs: [AccountID], now: Timestamp, limit: Int, owner: String, leaseUntil: Timestamp) async throws -> [CustomerSMPPDelivery]
    /// Saves attempt outcomes and clears the leases.
    func saveCustomerSMPPDeliveries(_ deliveries: [CustomerSMPPDelivery]) async throws
    /// Marks pending entries created before `time` failed (held too long); returns how many.
    func abandonCustomerSMPPDeliveries(createdBefore time: Timestamp, reason: String) async throws -> Int
    /// Deletes delivered and failed entries created before `time` (they hold handset numbers); returns how many.
    func purgeCustomerSMPPDeliveries(createdBefore time: Timestamp) async throws -> Int
    /// Recent entries of an account, newest first (for tests and diagnostics).
    func customerSMPPDeliveries(accountID: AccountID, limit: Int) async throws -> [CustomerSMPPDelivery]
}
