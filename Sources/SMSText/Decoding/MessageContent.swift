/// The body of a received message: text when its alphabet is understood, otherwise the raw octets.
public enum MessageContent: Sendable, Hashable, Codable {
    case text(String)
    case binary([UInt8])

    /// The text, or `nil` for binary content.
    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// Decodes user data units (unpacked septets for GSM, octets otherwise).
    static func decode(units: [UInt8], alphabet: MessageAlphabet, tables: GSMShiftTables) -> MessageContent {
        switch alphabet {
        case .gsm7: return .text(GSM7Codec.text(fromSeptets: units, tables: tables))
        case .ia5, .latin1: return .text(OctetTextCodec.text(fromBytes: units))
        case .ucs2: return .text(UCS2Codec.text(fromBytes: units))
        case .binary: return .binary(units)
        }
    }
}
