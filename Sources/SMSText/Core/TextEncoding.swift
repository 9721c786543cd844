/// A character encoding the encoder can choose for a message body.
///
/// The cheapest encoding that represents every character is chosen automatically (see ``SMSEncoder``);
/// which ones are allowed, and which `data_coding` value each maps to, depends on the ``PeerTextProfile``.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable, Codable {
    /// GSM 03.38 / 3GPP TS 23.038 default alphabet (7-bit), optionally with national language shift tables.
    case gsm7
    /// IA5 / ASCII, one octet per character (`data_coding` 1, or 0 when the peer says 0 means IA5).
    case ia5
    /// ISO-8859-1, one octet per character (`data_coding` 3, or 0 when the peer says 0 means Latin-1).
    case latin1
    /// UCS-2 as sent in practice: UTF-16 big-endian without a byte order mark, surrogate pairs kept intact
    /// (`data_coding` 8).
    case ucs2

    /// The unit in which this encoding's lengths and limits are counted.
    public var unit: TextUnit {
        switch self {
        case .gsm7: return .septet
        case .ia5, .latin1: return .octet
        case .ucs2: return .utf16CodeUnit
        }
    }

    /// The order in which the automatic choice prefers encodings when they need the same number of parts.
    static let preferenceOrder: [TextEncoding] = [.gsm7, .ia5, .latin1, .ucs2]
}
