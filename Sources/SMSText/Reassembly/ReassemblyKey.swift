/// Identifies one multipart message being reassembled: parts with the same source, destination, reference
/// and total belong together.
///
/// The reference kind (8-bit, 16-bit, SAR) is deliberately not part of the key, so a peer that mixes UDH and
/// SAR for one message is still joined.
public struct ReassemblyKey: Sendable, Hashable, Codable {
    /// The originating address.
    public var source: String
    /// The destination address.
    public var destination: String
    /// The concatenation reference.
    public var reference: UInt16
    /// The announced number of parts.
    public var total: Int

    public init(source: String, destination: String, reference: UInt16, total: Int) {
        self.source = source
        self.destination = destination
        self.reference = reference
        self.total = total
    }
}
