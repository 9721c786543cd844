/// How a text longer than one SMS is split when it is submitted over SMPP.
public enum ConcatenationMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// One PDU per part, each `short_message` starting with UDH `05 00 03 ref total seq` (8-bit reference)
    /// and `esm_class` UDHI set. Parts hold 153 septets / 67 UTF-16 units / 134 octets.
    case udh8
    /// As ``udh8`` with UDH `06 08 04 refHi refLo total seq` (16-bit reference).
    /// Parts hold 152 septets / 66 UTF-16 units / 133 octets.
    case udh16
    /// One PDU per part without a UDH; the position goes in the `sar_msg_ref_num`, `sar_total_segments` and
    /// `sar_segment_seqnum` TLVs and the SMSC builds the UDH. Parts are sized for a 16-bit reference UDH
    /// (152 / 66 / 133), because the SMSC's choice is not known and the smaller size always fits.
    case sar
    /// One PDU carrying the whole text in the `message_payload` TLV (`sm_length` 0); the SMSC splits it.
    /// The part count reported is the over-the-air count with 8-bit reference UDHs (153 / 67 / 134).
    case messagePayload

    /// The octets the concatenation element adds to each part's over-the-air UDH (IEI, length, data).
    var concatenationElementOctets: Int {
        switch self {
        case .udh8, .messagePayload: return 5
        case .udh16, .sar: return 6
        }
    }

    /// Whether the concatenation element is written into `short_message` by this library.
    var writesConcatenationElement: Bool { self == .udh8 || self == .udh16 }
}
