/// Configuration of an ``SMSEncoder`` (and ``SMSCounter``): what the peer accepts, how long texts are split,
/// and how many parts are allowed.
///
/// ```swift
/// var options = SMSEncoderOptions(profile: .standard, concatenation: .udh8, maxParts: 6)
/// options.substitutesLookalikes = true   // “smart quotes” → "plain" so the text stays GSM 7-bit
/// ```
public struct SMSEncoderOptions: Sendable, Hashable {
    /// The peer's text capabilities (meaning of `data_coding` 0, accepted encodings, shift tables).
    public var profile: PeerTextProfile
    /// How texts longer than one part are split.
    public var concatenation: ConcatenationMethod
    /// The most parts a text may need (1...255, default 10); longer texts fail with
    /// ``SMSTextError/tooManyParts(required:maximum:)``. For ``ConcatenationMethod/messagePayload`` it bounds the
    /// over-the-air part count.
    public var maxParts: Int
    /// Forces one encoding instead of the automatic choice (it must be available for the profile).
    public var forcedEncoding: TextEncoding?
    /// Replaces typographic quotes, dashes, ellipsis and special spaces by GSM look-alikes before deciding
    /// that a text needs UCS-2. Off by default because the delivered text then differs from the input.
    public var substitutesLookalikes: Bool
    /// With ``ConcatenationMethod/messagePayload``, also puts single-part texts in `message_payload`
    /// (for peers that want every text there). Off by default: single parts use `short_message`.
    public var alwaysUsesMessagePayload: Bool

    public init(
        profile: PeerTextProfile = .standard,
        concatenation: ConcatenationMethod = .udh8,
        maxParts: Int = 10,
        forcedEncoding: TextEncoding? = nil,
        substitutesLookalikes: Bool = false,
        alwaysUsesMessagePayload: Bool = false
    ) {
        self.profile = profile
        self.concatenation = concatenation
        self.maxParts = maxParts
        self.forcedEncoding = forcedEncoding
        self.substitutesLookalikes = substitutesLookalikes
        self.alwaysUsesMessagePayload = alwaysUsesMessagePayload
    }

    /// The encodings the automatic choice may use, in preference order.
    func candidateEncodings() throws(SMSTextError) -> [TextEncoding] {
        guard (1...255).contains(maxParts) else {
            throw .invalidOptions("maxParts must be between 1 and 255, not \(maxParts)")
        }
        if let forcedEncoding {
            guard profile.dataCoding(for: forcedEncoding) != nil else {
                throw .invalidOptions(
                    "the forced encoding \(forcedEncoding.rawValue) is not available for a peer whose data_coding 0 means \(profile.defaultAlphabet.rawValue) and that accepts \(profile.acceptedEncodings.map(\.rawValue).sorted())"
                )
            }
            return [forcedEncoding]
        }
        let available = TextEncoding.preferenceOrder.filter { profile.dataCoding(for: $0) != nil }
        guard !available.isEmpty else {
            throw .invalidOptions(
                "no accepted encoding is usable (gsm7 needs data_coding 0 to mean GSM; accepted: \(profile.acceptedEncodings.map(\.rawValue).sorted()))"
            )
        }
        return available
    }
}
