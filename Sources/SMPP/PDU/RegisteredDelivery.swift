/// The `registered_delivery` octet: which receipts and acknowledgements the ESME asks for.
public struct RegisteredDelivery: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// No receipt requested.
    public static let none = RegisteredDelivery(rawValue: 0)
    /// SMSC delivery receipt on final success or failure (bits 1–0 = 01).
    public static let receiptOnFinal = RegisteredDelivery(rawValue: 0x01)
    /// SMSC delivery receipt on failure only (bits 1–0 = 10).
    public static let receiptOnFailure = RegisteredDelivery(rawValue: 0x02)

    /// The SMSC delivery receipt bits (1–0).
    public var receiptRequest: UInt8 { rawValue & 0x03 }
    /// The SME originated acknowledgement bits (3–2).
    public var smeAcknowledgement: UInt8 { (rawValue >> 2) & 0x03 }
    /// The intermediate notification bit (4).
    public var intermediateNotification: Bool { rawValue & 0x10 != 0 }
}
