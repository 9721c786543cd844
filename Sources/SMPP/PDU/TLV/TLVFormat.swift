/// The value format SMPP 3.4 defines for a standard TLV tag.
public enum TLVFormat: Hashable, Sendable {
    /// No value (length 0), e.g. `alert_on_message_delivery`.
    case empty
    case uint8
    case uint16
    case uint32
    /// One or two octets (`source_telematics_id`, defined inconsistently by implementations).
    case uint8OrUInt16
    /// A NUL-terminated string of at most `maxLength` octets including the NUL.
    case cString(maxLength: Int)
    /// Raw octets with a length range.
    case octets(minLength: Int, maxLength: Int)
    /// Three octets: network type and a 16-bit error code.
    case networkErrorCode
}
