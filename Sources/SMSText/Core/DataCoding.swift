/// Well-known SMPP `data_coding` values used by this library.
///
/// SMSText never depends on the SMPP module; it hands out plain `UInt8` values that an adapter copies
/// into the PDU. These constants name the values it produces and recognises.
public enum DataCoding {
    /// SMSC default alphabet; its meaning is the peer's ``DefaultAlphabet``.
    public static let smscDefault: UInt8 = 0x00
    /// IA5 (CCITT T.50) / ASCII.
    public static let ia5: UInt8 = 0x01
    /// Octet unspecified (8-bit binary), the older of the two binary values.
    public static let octetUnspecified: UInt8 = 0x02
    /// Latin-1 (ISO-8859-1).
    public static let latin1: UInt8 = 0x03
    /// Octet unspecified (8-bit binary).
    public static let binary: UInt8 = 0x04
    /// UCS-2 (sent as UTF-16BE).
    public static let ucs2: UInt8 = 0x08

    /// The `esm_class` bit that says `short_message` starts with a user data header (UDHI).
    public static let esmClassUDHI: UInt8 = 0x40
    /// The `esm_class` message-type bit for an SMSC delivery receipt.
    public static let esmClassDeliveryReceipt: UInt8 = 0x04
}
