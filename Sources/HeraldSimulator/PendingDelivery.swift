import SMPP

/// A deliver_sm (receipt or MO part) waiting to be pushed to a bound receiver.
struct PendingDelivery: Sendable {
    var due: ContinuousClock.Instant
    var systemID: String
    /// The session that submitted the message; receipts go back to it while it can receive.
    var preferredSession: SMPPSessionID?
    var deliverSM: DeliverSM
    var attempts: Int
}
