/// Which delivery receipts a customer asked for when submitting over SMPP (`registered_delivery` bits 1–0).
///
/// Stored with the message, so the receipt can be built inside the transaction that records the final
/// status. Messages sent over HTTP carry none (they are reported by webhook).
public enum ReceiptRequest: String, Sendable, Codable, Equatable, CaseIterable {
    /// A receipt on every final status (delivered, undelivered, expired, rejected, failed).
    case final
    /// A receipt only when the message was not delivered.
    case failureOnly = "failure_only"

    /// Whether a message that reached `status` is reported.
    public func reports(_ status: MessageStatus) -> Bool {
        guard status.isFinal else { return false }
        switch self {
        case .final: return true
        case .failureOnly: return status != .delivered
        }
    }
}
