/// What a peer (an SMSC or carrier link) understands: the meaning of `data_coding` 0, the encodings it accepts,
/// and the GSM national language shift tables its handsets support.
///
/// ```swift
/// // A carrier whose data_coding 0 is ASCII and that also takes Latin-1 and UCS-2:
/// let profile = PeerTextProfile(defaultAlphabet: .ia5, acceptedEncodings: [.ia5, .latin1, .ucs2])
/// ```
///
/// Rules for `data_coding` values:
/// - ``TextEncoding/gsm7`` is sent as `data_coding` 0 and is only available when ``defaultAlphabet`` is a GSM form
///   (SMPP has no other value meaning "GSM 7-bit").
/// - ``TextEncoding/ia5`` is sent as 0 when ``defaultAlphabet`` is ``DefaultAlphabet/ia5``, otherwise as 1.
/// - ``TextEncoding/latin1`` is sent as 0 when ``defaultAlphabet`` is ``DefaultAlphabet/latin1``, otherwise as 3.
/// - ``TextEncoding/ucs2`` is sent as 8.
public struct PeerTextProfile: Sendable, Hashable {
    /// What `data_coding` 0 means for this peer (used both when sending and when decoding).
    public var defaultAlphabet: DefaultAlphabet
    /// The encodings the encoder may choose for this peer.
    public var acceptedEncodings: Set<TextEncoding>
    /// National language shift tables (3GPP TS 23.038 annex A) the encoder may use, in order of preference.
    /// Empty by default: only enable them for destinations whose handsets support them.
    public var nationalLanguages: [GSMNationalLanguage]
    /// Whether locking shift tables may be used in addition to single shift tables.
    public var allowsLockingShift: Bool

    /// Creates a profile. The defaults describe the most common SMSC: GSM unpacked for `data_coding` 0,
    /// GSM 7-bit and UCS-2 accepted, no national language tables.
    public init(
        defaultAlphabet: DefaultAlphabet = .gsm7Unpacked,
        acceptedEncodings: Set<TextEncoding> = [.gsm7, .ucs2],
        nationalLanguages: [GSMNationalLanguage] = [],
        allowsLockingShift: Bool = false
    ) {
        self.defaultAlphabet = defaultAlphabet
        self.acceptedEncodings = acceptedEncodings
        self.nationalLanguages = nationalLanguages
        self.allowsLockingShift = allowsLockingShift
    }

    /// The most common SMSC behaviour (see ``init(defaultAlphabet:acceptedEncodings:nationalLanguages:allowsLockingShift:)``).
    public static let standard = PeerTextProfile()

    /// The `data_coding` value used to send `encoding` to this peer, or `nil` when the peer cannot receive it.
    public func dataCoding(for encoding: TextEncoding) -> UInt8? {
        guard acceptedEncodings.contains(encoding) else { return nil }
        switch encoding {
        case .gsm7: return defaultAlphabet.isGSM ? DataCoding.smscDefault : nil
        case .ia5: return defaultAlphabet == .ia5 ? DataCoding.smscDefault : DataCoding.ia5
        case .latin1: return defaultAlphabet == .latin1 ? DataCoding.smscDefault : DataCoding.latin1
        case .ucs2: return DataCoding.ucs2
        }
    }

    /// Whether GSM text is packed (7 bits per character) in `short_message` for this peer.
    public var packsGSM: Bool { defaultAlphabet == .gsm7Packed }
}
