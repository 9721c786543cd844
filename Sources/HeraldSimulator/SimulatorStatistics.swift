import Synchronization

/// Counts of what the simulator did since it started.
public struct SimulatorStatistics: Sendable, Hashable {
    /// Message parts received (submit_sm and data_sm).
    public var submitted: Int
    /// Parts accepted with a message id.
    public var accepted: Int
    /// Parts refused (error status, throttling, no response, disconnect).
    public var refused: Int
    /// deliver_sm PDUs (receipts and MO parts) answered OK by a receiver.
    public var delivered: Int
    /// deliver_sm PDUs waiting for a receiver.
    public var pendingDeliveries: Int
    /// Sessions currently bound.
    public var boundSessions: Int
}

/// The simulator's live counters.
final class SimulatorCounters: Sendable {
    let submitted = Atomic<Int>(0)
    let accepted = Atomic<Int>(0)
    let refused = Atomic<Int>(0)
    let delivered = Atomic<Int>(0)
}
