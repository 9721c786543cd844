/// The result of ``SMSEncoder/encode(_:reference:)``: the PDUs to submit for one text, and how it was encoded.
///
/// ```swift
/// let plan = try SMSEncoder(options).encode("Your Example code is 123456.", reference: 17)
/// plan.encoding        // .gsm7
/// plan.parts.count     // 1
/// plan.parts[0].shortMessage
/// ```
public struct EncodedMessage: Sendable, Hashable {
    /// The chosen encoding.
    public let encoding: TextEncoding
    /// The national language tables used with GSM 7-bit.
    public let shiftTables: GSMShiftTables
    /// The `data_coding` value of every part.
    public let dataCoding: UInt8
    /// Whether GSM septets are packed in the user data.
    public let isPacked: Bool
    /// The concatenation method used, or `nil` when the text fits in one part (and is not forced into
    /// `message_payload`).
    public let concatenation: ConcatenationMethod?
    /// The concatenation reference actually written (the low 8 bits for ``ConcatenationMethod/udh8``), or `nil`
    /// for a single part or `message_payload`.
    public let reference: UInt16?
    /// The PDUs to submit, in order.
    public let parts: [MessagePart]
    /// Counts for display (over-the-air parts, units used and left).
    public let count: MessageCount

    public init(
        encoding: TextEncoding, shiftTables: GSMShiftTables, dataCoding: UInt8, isPacked: Bool,
        concatenation: ConcatenationMethod?, reference: UInt16?, parts: [MessagePart], count: MessageCount
    ) {
        self.encoding = encoding
        self.shiftTables = shiftTables
        self.dataCoding = dataCoding
        self.isPacked = isPacked
        self.concatenation = concatenation
        self.reference = reference
        self.parts = parts
        self.count = count
    }

    /// Whether more than one SMS goes over the air.
    public var isMultipart: Bool { count.parts > 1 }
}
