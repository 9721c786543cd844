/// Port: where the fraud guard counts verification traffic (sends and approvals per range scope and per
/// account, in the short and the long sliding window of ``FraudGuardConfiguration``).
///
/// ``InMemoryFraudTrafficCounter`` counts in this node's memory (one node, SQLite); a shared implementation
/// (PostgreSQL) lets every node of a cluster see the others' traffic, so a pumping burst spread over nodes
/// is judged as a whole.
public protocol FraudTrafficCounter: Sendable {
    /// Counts one send to the number with range suffix `suffix` under each range scope and the account, and
    /// returns the traffic after it (this send included).
    func recordSend(rangeKeys: [String], accountKey: String, suffix: UInt32, at time: Timestamp) async throws -> FraudTrafficSnapshot

    /// Counts an approval of the send made at `sentAt` to `suffix`, under each range scope and the account.
    /// Ignored for sends no longer counted; never more approvals than sends.
    func recordApproval(rangeKeys: [String], accountKey: String, suffix: UInt32, sentAt: Timestamp, at time: Timestamp) async throws

    /// Forgets the traffic of one range scope (after a block, so the range is judged on new traffic).
    func resetRange(_ key: String) async throws
}
