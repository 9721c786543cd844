/// The `esm_class` octet: messaging mode (bits 1–0), message type (bits 5–2) and GSM features (bits 7–6).
///
/// ```swift
/// var esm = ESMClass.default
/// esm.hasUDH = true                   // 0x40
/// deliver.esmClass.isDeliveryReceipt  // bit 2 set by the SMSC for receipts
/// ```
public struct ESMClass: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let `default` = ESMClass(rawValue: 0)
    /// Message type "SMSC delivery receipt" (0x04), set on deliver_sm carrying a receipt.
    public static let deliveryReceipt = ESMClass(rawValue: 0x04)
    /// UDH indicator (0x40): short_message starts with a user data header.
    public static let udhi = ESMClass(rawValue: 0x40)

    /// Messaging mode, bits 1–0 (0 default, 1 datagram, 2 forward/transaction, 3 store and forward).
    public var messagingMode: UInt8 {
        get { rawValue & 0x03 }
        set { rawValue = (rawValue & ~0x03) | (newValue & 0x03) }
    }

    /// Message type, bits 5–2 (as the raw nibble shifted down: 1 = delivery receipt, 2 = delivery ack, ...).
    public var messageType: UInt8 {
        get { (rawValue >> 2) & 0x0F }
        set { rawValue = (rawValue & ~0x3C) | ((newValue & 0x0F) << 2) }
    }

    /// Whether this deliver_sm is an SMSC delivery receipt (message type bits = 0001).
    public var isDeliveryReceipt: Bool { rawValue & 0x3C == 0x04 }

    /// Whether the short message begins with a user data header (UDHI, 0x40).
    public var hasUDH: Bool {
        get { rawValue & 0x40 != 0 }
        set { rawValue = newValue ? rawValue | 0x40 : rawValue & ~0x40 }
    }

    /// Whether reply path is set (0x80).
    public var replyPath: Bool {
        get { rawValue & 0x80 != 0 }
        set { rawValue = newValue ? rawValue | 0x80 : rawValue & ~0x80 }
    }
}
