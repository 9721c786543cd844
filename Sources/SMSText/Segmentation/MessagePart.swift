/// One SMPP PDU's worth of a message: the bytes and flags an adapter copies into `submit_sm` / `data_sm`.
///
/// ```swift
/// for part in plan.parts {
///     pdu.dataCoding = part.dataCoding
///     pdu.esmClass |= part.esmClassFlags          // 0x40 when short_message starts with a UDH
///     pdu.shortMessage = part.shortMessage         // empty when messagePayload is used
///     if let payload = part.messagePayload { pdu.tlvs[0x0424] = payload }
///     if let sar = part.sar { /* 0x020C, 0x020E, 0x020F */ }
/// }
/// ```
public struct MessagePart: Sendable, Hashable {
    /// This part's position, 1-based.
    public let sequence: Int
    /// The `data_coding` value.
    public let dataCoding: UInt8
    /// Whether the user data starts with a UDH (set `esm_class` bit 0x40).
    public let hasUserDataHeader: Bool
    /// The `short_message` octets, UDH included; empty when ``messagePayload`` carries the text.
    public let shortMessage: [UInt8]
    /// The `message_payload` TLV value (UDH included), when the text travels in the TLV.
    public let messagePayload: [UInt8]?
    /// The SAR TLV values, with ``ConcatenationMethod/sar``.
    public let sar: SARValues?
    /// The user data header written at the start of the user data, if any.
    public let userDataHeader: UserDataHeader?
    /// The text units (septets, UTF-16 code units or octets) in this part, excluding the UDH.
    public let unitCount: Int

    /// The `esm_class` bits to OR in: 0x40 (UDHI) when the user data has a header, else 0.
    public var esmClassFlags: UInt8 { hasUserDataHeader ? DataCoding.esmClassUDHI : 0 }

    /// The user data as sent: ``messagePayload`` when present, otherwise ``shortMessage``.
    public var userData: [UInt8] { messagePayload ?? shortMessage }

    public init(
        sequence: Int, dataCoding: UInt8, hasUserDataHeader: Bool, shortMessage: [UInt8], messagePayload: [UInt8]?,
        sar: SARValues?, userDataHeader: UserDataHeader?, unitCount: Int
    ) {
        self.sequence = sequence
        self.dataCoding = dataCoding
        self.hasUserDataHeader = hasUserDataHeader
        self.shortMessage = shortMessage
        self.messagePayload = messagePayload
        self.sar = sar
        self.userDataHeader = userDataHeader
        self.unitCount = unitCount
    }
}
