/// The raw receipt-related TLV values of a `deliver_sm` / `data_sm`, as given by the SMPP layer.
///
/// SMSText does not depend on SMPP types: pass the TLV value bytes (or `nil` when absent).
public struct ReceiptTLVValues: Sendable, Hashable {
    /// `receipted_message_id` (0x001E), a C-octet string; trailing NULs are ignored.
    public var receiptedMessageID: [UInt8]?
    /// `message_state` (0x0427), one octet.
    public var messageState: UInt8?
    /// `network_error_code` (0x0423), three octets.
    public var networkErrorCode: [UInt8]?

    public init(receiptedMessageID: [UInt8]? = nil, messageState: UInt8? = nil, networkErrorCode: [UInt8]? = nil) {
        self.receiptedMessageID = receiptedMessageID
        self.messageState = messageState
        self.networkErrorCode = networkErrorCode
    }

    /// Convenience for a `receipted_message_id` already held as a string.
    public init(receiptedMessageID: String?, messageState: UInt8? = nil, networkErrorCode: [UInt8]? = nil) {
        self.init(
            receiptedMessageID: receiptedMessageID.map { Array($0.utf8) }, messageState: messageState,
            networkErrorCode: networkErrorCode)
    }

    /// The `receipted_message_id` as text (NUL terminator and surrounding spaces removed), `nil` when absent or empty.
    var receiptedMessageIDText: String? {
        guard let bytes = receiptedMessageID else { return nil }
        let content = bytes.prefix { $0 != 0 }
        let text = OctetTextCodec.text(fromBytes: content).trimmingReceiptWhitespace()
        return text.isEmpty ? nil : text
    }
}
