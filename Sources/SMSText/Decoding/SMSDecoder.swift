/// Decodes incoming `short_message` (or `message_payload`) bytes back to text for a given `data_coding`,
/// `esm_class` UDHI bit and peer profile.
///
/// ```swift
/// let decoder = SMSDecoder(profile: .standard)
/// let part = try decoder.decode(userData: pdu.shortMessage, dataCoding: pdu.dataCoding, esmClass: pdu.esmClass)
/// part.text            // "Hello"
/// part.concatenation   // position in a multipart message, if any
/// ```
public struct SMSDecoder: Sendable {
    /// The peer's profile (its meaning of `data_coding` 0 and whether it packs GSM).
    public var profile: PeerTextProfile

    public init(profile: PeerTextProfile = .standard) {
        self.profile = profile
    }

    /// Decodes one part.
    ///
    /// - Parameters:
    ///   - userData: `short_message`, or the `message_payload` TLV value when `sm_length` is 0.
    ///   - dataCoding: The `data_coding` value.
    ///   - hasUserDataHeader: Whether `esm_class` has the UDHI bit (0x40).
    ///   - sar: The SAR TLV values, when present.
    /// - Throws: ``SMSTextError/malformedUserDataHeader(_:)`` when UDHI is set and the header is truncated.
    public func decode(
        userData: some Collection<UInt8>, dataCoding: UInt8, hasUserDataHeader: Bool, sar: SARValues? = nil
    ) throws(SMSTextError) -> DecodedShortMessage {
        let bytes = Array(userData)
        var header: UserDataHeader?
        var headerLength = 0
        if hasUserDataHeader {
            (header, headerLength) = try UserDataHeader.parse(bytes)
        }
        let alphabet = MessageAlphabet.forDataCoding(dataCoding, profile: profile)
        let body = bytes[headerLength...]
        let units: [UInt8]
        var tables = GSMShiftTables.none
        switch alphabet {
        case .gsm7(let packed):
            tables = header?.shiftTables ?? .none
            units = packed ? GSM7Packing.unpackUserData(body, headerOctets: headerLength) : Array(body)
        case .ia5, .latin1, .ucs2, .binary:
            units = Array(body)
        }
        var concatenation = header?.concatenation
        if concatenation == nil, let sar, sar.concatenation.isValid { concatenation = sar.concatenation }
        return DecodedShortMessage(
            dataCoding: dataCoding, alphabet: alphabet, userDataHeader: header, shiftTables: tables,
            concatenation: concatenation, content: MessageContent.decode(units: units, alphabet: alphabet, tables: tables),
            units: units)
    }

    /// Decodes one part, reading UDHI from the whole `esm_class` value.
    public func decode(
        userData: some Collection<UInt8>, dataCoding: UInt8, esmClass: UInt8, sar: SARValues? = nil
    ) throws(SMSTextError) -> DecodedShortMessage {
        try decode(
            userData: userData, dataCoding: dataCoding, hasUserDataHeader: esmClass & DataCoding.esmClassUDHI != 0,
            sar: sar)
    }

    /// Decodes every part of an ``EncodedMessage`` (useful in tests and simulators).
    public func decode(_ message: EncodedMessage) throws(SMSTextError) -> [DecodedShortMessage] {
        var decoded: [DecodedShortMessage] = []
        for part in message.parts {
            decoded.append(
                try decode(
                    userData: part.userData, dataCoding: part.dataCoding, hasUserDataHeader: part.hasUserDataHeader,
                    sar: part.sar))
        }
        return decoded
    }
}
