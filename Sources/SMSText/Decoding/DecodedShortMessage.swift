/// One received message part decoded: its header, concatenation position and content.
///
/// Feed it to a ``Reassembler`` to join multipart messages; a part with no ``concatenation`` is complete.
public struct DecodedShortMessage: Sendable, Hashable {
    /// The `data_coding` value it arrived with.
    public let dataCoding: UInt8
    /// The alphabet `data_coding` means for the peer.
    public let alphabet: MessageAlphabet
    /// The user data header, when UDHI was set.
    public let userDataHeader: UserDataHeader?
    /// The national language tables announced in the header (GSM only).
    public let shiftTables: GSMShiftTables
    /// The concatenation position from the UDH (IE 0x00 / 0x08) or, failing that, from SAR TLVs.
    public let concatenation: ConcatenationInfo?
    /// This part's content on its own.
    public let content: MessageContent
    /// The user data after the header: unpacked septets for GSM (padding removed), octets otherwise.
    /// The reassembler joins these before decoding, which repairs senders that split an escape sequence or a
    /// surrogate pair across parts.
    public let units: [UInt8]

    public init(
        dataCoding: UInt8, alphabet: MessageAlphabet, userDataHeader: UserDataHeader?, shiftTables: GSMShiftTables,
        concatenation: ConcatenationInfo?, content: MessageContent, units: [UInt8]
    ) {
        self.dataCoding = dataCoding
        self.alphabet = alphabet
        self.userDataHeader = userDataHeader
        self.shiftTables = shiftTables
        self.concatenation = concatenation
        self.content = content
        self.units = units
    }

    /// The text, or `nil` for binary content.
    public var text: String? { content.text }
}
