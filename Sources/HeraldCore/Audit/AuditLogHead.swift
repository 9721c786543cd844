/// The head of the tamper-evident audit log as stored next to its entries: the number of entries and
/// the sealer's opaque state (for the Merkle log: the tree's right frontier and the last leaf hash).
///
/// A store reads the head inside the write transaction that appends, hands it to the ``AuditSealer``
/// and writes back the head it returns, so entries and head always change together.
///
/// ```swift
/// var head = AuditLogHead.empty
/// let sealing = try sealer.seal(events, after: head)
/// head = sealing.head          // size == old size + events.count
/// ```
public struct AuditLogHead: Sendable, Equatable {
    /// The log before its first entry.
    public static let empty = AuditLogHead(size: 0, state: [])

    /// The number of entries in the log.
    public var size: UInt64
    /// The sealer's state after the last entry; empty for the empty log. Stores keep it as bytes.
    public var state: [UInt8]

    public init(size: UInt64, state: [UInt8]) {
        self.size = size
        self.state = state
    }
}
