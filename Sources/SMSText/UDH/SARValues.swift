/// The SMPP segmentation-and-reassembly TLV values of one part: `sar_msg_ref_num` (0x020C),
/// `sar_total_segments` (0x020E) and `sar_segment_seqnum` (0x020F).
public struct SARValues: Sendable, Hashable, Codable {
    /// `sar_msg_ref_num`: the reference shared by all parts.
    public var referenceNumber: UInt16
    /// `sar_total_segments`: the number of parts.
    public var totalSegments: UInt8
    /// `sar_segment_seqnum`: this part's position, 1-based.
    public var segmentSequenceNumber: UInt8

    public init(referenceNumber: UInt16, totalSegments: UInt8, segmentSequenceNumber: UInt8) {
        self.referenceNumber = referenceNumber
        self.totalSegments = totalSegments
        self.segmentSequenceNumber = segmentSequenceNumber
    }

    /// The same position as a ``ConcatenationInfo``.
    public var concatenation: ConcatenationInfo {
        ConcatenationInfo(
            reference: referenceNumber, total: Int(totalSegments), sequence: Int(segmentSequenceNumber),
            referenceKind: .sar)
    }
}
