/// Where a message part sits in a concatenated message, from a UDH element (0x00 or 0x08) or SAR TLVs.
public struct ConcatenationInfo: Sendable, Hashable, Codable {
    /// How the reference was carried.
    public enum ReferenceKind: String, Sendable, Hashable, Codable {
        /// UDH IE 0x00, 8-bit reference.
        case udh8
        /// UDH IE 0x08, 16-bit reference.
        case udh16
        /// SMPP `sar_msg_ref_num` / `sar_total_segments` / `sar_segment_seqnum` TLVs.
        case sar
    }

    /// The concatenation reference shared by all parts of the message.
    public var reference: UInt16
    /// The number of parts (1...255).
    public var total: Int
    /// This part's position, 1-based.
    public var sequence: Int
    /// How the reference was carried.
    public var referenceKind: ReferenceKind

    public init(reference: UInt16, total: Int, sequence: Int, referenceKind: ReferenceKind) {
        self.reference = reference
        self.total = total
        self.sequence = sequence
        self.referenceKind = referenceKind
    }

    /// Whether total and sequence are usable (23.040: a part with total 0, sequence 0 or sequence > total
    /// is treated as not concatenated).
    public var isValid: Bool { total >= 1 && total <= 255 && sequence >= 1 && sequence <= total }
}
