/// How the user data of a received message is encoded, derived from `data_coding` and the peer profile.
public enum MessageAlphabet: Sendable, Hashable, Codable {
    /// GSM 03.38 septets, packed or one per octet.
    case gsm7(packed: Bool)
    /// IA5 / ASCII.
    case ia5
    /// ISO-8859-1.
    case latin1
    /// UTF-16BE ("UCS-2").
    case ucs2
    /// 8-bit data, or a character set this library does not decode (JIS, ISO-8859-5, ISO-8859-8, KS C 5601,
    /// compressed text…): the octets are returned as they are.
    case binary

    /// Interprets an SMPP `data_coding` value for a peer.
    ///
    /// 0 follows ``PeerTextProfile/defaultAlphabet``; 1 IA5; 3 Latin-1; 8 UCS-2; 2, 4 and unsupported
    /// character sets binary. Values that carry a GSM data coding scheme (general groups 0x10–0x7F, message
    /// waiting groups 0xC0–0xEF, class group 0xF0–0xFF) are read by their alphabet bits. GSM text outside
    /// `data_coding` 0 is taken as packed only when the peer packs GSM.
    public static func forDataCoding(_ dataCoding: UInt8, profile: PeerTextProfile = .standard) -> MessageAlphabet {
        let gsm = MessageAlphabet.gsm7(packed: profile.packsGSM)
        switch dataCoding {
        case 0x00:
            switch profile.defaultAlphabet {
            case .gsm7Unpacked: return .gsm7(packed: false)
            case .gsm7Packed: return .gsm7(packed: true)
            case .ia5: return .ia5
            case .latin1: return .latin1
            }
        case 0x01: return .ia5
        case 0x03: return .latin1
        case 0x08: return .ucs2
        case 0x02, 0x04...0x07, 0x09...0x0F: return .binary
        case 0x10...0x7F:
            // General data coding groups: bit 5 = compressed, bits 3–2 = alphabet.
            if dataCoding & 0x20 != 0 { return .binary }
            switch (dataCoding >> 2) & 0x03 {
            case 0: return gsm
            case 2: return .ucs2
            default: return .binary
            }
        case 0xC0...0xDF: return gsm
        case 0xE0...0xEF: return .ucs2
        case 0xF0...0xFF: return dataCoding & 0x04 == 0 ? gsm : .binary
        default: return .binary
        }
    }
}
