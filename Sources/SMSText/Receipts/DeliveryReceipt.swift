/// A parsed SMSC delivery receipt: the SMPP 3.4 appendix B text plus the receipt TLVs.
///
/// Parsing is tolerant of real-world variants: fields in any order, any key case (`Text:`, `Stat:`),
/// `submit_date` / `done_date` spellings, dates with seconds or four-digit years, missing fields, unknown
/// extra fields (kept in ``extraFields``), extra spaces, `err` of any length, and ids in hex or decimal.
///
/// ```swift
/// let receipt = try DeliveryReceipt.parse(
///     "id:6699 sub:001 dlvrd:001 submit date:2401021530 done date:2401021531 stat:DELIVRD err:000 text:Your code",
///     tlvs: ReceiptTLVValues(receiptedMessageID: "00001a2b", messageState: 2))
/// receipt.state                 // .delivered
/// receipt.candidateKeys()       // keys to look the submitted message up by (see MessageIDNormalizer)
/// ```
public struct DeliveryReceipt: Sendable, Hashable {
    /// The id to report: the `receipted_message_id` TLV when present, else the text's `id:`.
    public let messageID: String
    /// The `id:` of the text, if any.
    public let textMessageID: String?
    /// The `receipted_message_id` TLV, if any.
    public let tlvMessageID: String?
    /// `sub:` (messages submitted), when numeric.
    public let submitted: Int?
    /// `dlvrd:` (messages delivered), when numeric.
    public let delivered: Int?
    /// `submit date:`.
    public let submitDate: ReceiptTimestamp?
    /// `done date:`.
    public let doneDate: ReceiptTimestamp?
    /// The normalised state: the `message_state` TLV when present and known, else `stat:`, else `.unknown`.
    public let state: DeliveryState
    /// The state read from `stat:`, if recognised.
    public let textState: DeliveryState?
    /// The state read from the `message_state` TLV, if recognised.
    public let tlvState: DeliveryState?
    /// The raw `stat:` value.
    public let statusText: String?
    /// The raw `message_state` TLV value.
    public let messageStateValue: UInt8?
    /// The raw `err:` value (often 3 digits, but any length is kept).
    public let errorCode: String?
    /// The `network_error_code` TLV, if present and 3 octets long.
    public let networkError: NetworkErrorCode?
    /// The `text:` snippet.
    public let text: String?
    /// Every `key:value` field of the text, in order.
    public let fields: [ReceiptField]

    /// Fields whose key is not part of appendix B (for example `mcc:`, `mnc:`, `price:`).
    public var extraFields: [ReceiptField] { fields.filter { !$0.isStandard } }

    /// `err:` as a number when it is all decimal digits.
    public var errorValue: Int? {
        guard let errorCode, !errorCode.isEmpty, errorCode.count <= 18,
            errorCode.unicodeScalars.allSatisfy({ (0x30...0x39).contains($0.value) })
        else { return nil }
        return Int(errorCode)
    }

    /// Whether the receipt reports a final state.
    public var isFinal: Bool { state.isFinal }

    /// Lookup keys for the submitted message: the union of the normaliser's keys for the TLV id and the text id.
    public func candidateKeys(using normalizer: MessageIDNormalizer = MessageIDNormalizer()) -> [String] {
        var seen = Set<String>()
        return [tlvMessageID, textMessageID].compactMap { $0 }.flatMap { normalizer.canonicalKeys(for: $0) }
            .filter { seen.insert($0).inserted }
    }

    /// Parses a receipt text with optional TLV values.
    ///
    /// - Throws: ``SMSTextError/malformedDeliveryReceipt(_:)`` when neither the text nor the TLVs give a
    ///   message id.
    public static func parse(_ text: String, tlvs: ReceiptTLVValues = ReceiptTLVValues()) throws(SMSTextError) -> DeliveryReceipt {
        let fields = DeliveryReceiptParser.fields(of: text)
        func value(_ name: String) -> String? {
            fields.first { $0.isStandard && DeliveryReceiptParser.aliases[$0.normalizedKey] == name }?.value
        }
        func number(_ name: String) -> Int? {
            guard let raw = value(name), !raw.isEmpty, raw.count <= 18,
                raw.unicodeScalars.allSatisfy({ (0x30...0x39).contains($0.value) })
            else { return nil }
            return Int(raw)
        }
        let textID = value("id").flatMap { $0.isEmpty ? nil : $0 }
        let tlvID = tlvs.receiptedMessageIDText
        guard let messageID = tlvID ?? textID else {
            throw .malformedDeliveryReceipt(
                fields.isEmpty
                    ? "no receipt fields and no receipted_message_id"
                    : "no id field and no receipted_message_id")
        }
        let statusText = value("stat")
        let textState = statusText.flatMap { DeliveryState(statusText: $0) }
        let tlvState = tlvs.messageState.flatMap { DeliveryState(messageState: $0) }
        let errorText = value("err").flatMap { $0.isEmpty ? nil : $0 }
        return DeliveryReceipt(
            messageID: messageID, textMessageID: textID, tlvMessageID: tlvID, submitted: number("sub"),
            delivered: number("dlvrd"), submitDate: value("submitdate").flatMap { ReceiptTimestamp(parsing: $0) },
            doneDate: value("donedate").flatMap { ReceiptTimestamp(parsing: $0) },
            state: tlvState ?? textState ?? .unknown, textState: textState, tlvState: tlvState, statusText: statusText,
            messageStateValue: tlvs.messageState, errorCode: errorText,
            networkError: tlvs.networkErrorCode.flatMap { NetworkErrorCode(tlvValue: $0) }, text: value("text"),
            fields: fields)
    }

    /// Parses a receipt from raw `short_message` octets (ASCII / Latin-1, as SMSCs send receipts).
    public static func parse(
        shortMessage: some Collection<UInt8>, tlvs: ReceiptTLVValues = ReceiptTLVValues()
    ) throws(SMSTextError) -> DeliveryReceipt {
        try parse(OctetTextCodec.text(fromBytes: shortMessage.prefix { $0 != 0 }), tlvs: tlvs)
    }

    public init(
        messageID: String, textMessageID: String?, tlvMessageID: String?, submitted: Int?, delivered: Int?,
        submitDate: ReceiptTimestamp?, doneDate: ReceiptTimestamp?, state: DeliveryState, textState: DeliveryState?,
        tlvState: DeliveryState?, statusText: String?, messageStateValue: UInt8?, errorCode: String?,
        networkError: NetworkErrorCode?, text: String?, fields: [ReceiptField]
    ) {
        self.messageID = messageID
        self.textMessageID = textMessageID
        self.tlvMessageID = tlvMessageID
        self.submitted = submitted
        self.delivered = delivered
        self.submitDate = submitDate
        self.doneDate = doneDate
        self.state = state
        self.textState = textState
        self.tlvState = tlvState
        self.statusText = statusText
        self.messageStateValue = messageStateValue
        self.errorCode = errorCode
        self.networkError = networkError
        self.text = text
        self.fields = fields
    }
}
