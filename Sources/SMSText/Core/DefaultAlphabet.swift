/// What a peer means by `data_coding` 0 ("SMSC default alphabet").
///
/// SMPP leaves this to the SMSC: most use GSM 03.38 with one septet per octet, a few pack septets,
/// and some mean ASCII (IA5) or Latin-1. Configure it per peer in ``PeerTextProfile``.
public enum DefaultAlphabet: String, Sendable, Hashable, CaseIterable, Codable {
    /// GSM 03.38, one septet per octet (the usual SMPP form).
    case gsm7Unpacked
    /// GSM 03.38 packed septets (7 bits each, with fill bits after a UDH).
    case gsm7Packed
    /// IA5 / ASCII.
    case ia5
    /// ISO-8859-1.
    case latin1

    /// Whether `data_coding` 0 carries GSM 7-bit text for this peer.
    public var isGSM: Bool { self == .gsm7Unpacked || self == .gsm7Packed }
}
