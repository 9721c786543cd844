import SMPP
import SMSText

/// Everything the SMPP adapter needs to run one carrier link: one client configuration per bind, how to
/// encode texts for the peer and how the peer writes message ids in receipts.
public struct CarrierLinkSettings: Sendable {
    public var id: String
    /// One entry per bind kept open to the peer.
    public var binds: [SMPPClient.Configuration]
    public var encoder: SMSEncoderOptions
    public var receiptKeyStyle: ReceiptKeyStyle
    /// Ask the carrier for delivery receipts (registered_delivery 1).
    public var requestReceipts: Bool

    public init(id: String, binds: [SMPPClient.Configuration], encoder: SMSEncoderOptions = SMSEncoderOptions(), receiptKeyStyle: ReceiptKeyStyle = .auto, requestReceipts: Bool = true) {
        self.id = id
        self.binds = binds
        self.encoder = encoder
        self.receiptKeyStyle = receiptKeyStyle
        self.requestReceipts = requestReceipts
    }
}
