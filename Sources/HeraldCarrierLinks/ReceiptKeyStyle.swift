import SMSText

/// How a carrier writes the id of a message in its receipts compared with its submit_sm_resp, which
/// decides the key Herald stores for each submitted part.
///
/// Receipts are always looked up by every canonical reading of their ids (``MessageIDNormalizer``); the
/// stored key must be one of them:
/// - `same`: the receipt repeats the id verbatim (any letter case) — key `t:<id>`.
/// - `hexToDecimal`: submit_sm_resp gives hex, receipts may give decimal — key `n:<hex value>`.
/// - `decimalToHex`: submit_sm_resp gives decimal, receipts may give hex — key `n:<hex of the decimal value>`.
/// - `auto` (default): ids with a hex letter are read as hex, all-digit ids as decimal. This matches a
///   carrier quoting the same id or switching base, except for hex ids that happen to have no letter and
///   are quoted in decimal; configure `hexToDecimal` for such carriers.
public enum ReceiptKeyStyle: String, Sendable, Hashable, CaseIterable {
    case auto
    case same
    case hexToDecimal = "hex_to_decimal"
    case decimalToHex = "decimal_to_hex"

    /// The key stored for a part whose submit_sm_resp carried `id`.
    public func storedKey(for id: String) -> String {
        let verbatim = MessageIDNormalizer(interpretations: []).canonicalKeys(for: id).first ?? "t:"
        let hexKey = MessageIDNormalizer(interpretations: .hexadecimal).canonicalKeys(for: id).first { $0.hasPrefix("n:") }
        let decimalKey = MessageIDNormalizer(interpretations: .decimal).canonicalKeys(for: id).first { $0.hasPrefix("n:") }
        switch self {
        case .same: return verbatim
        case .hexToDecimal: return hexKey ?? verbatim
        case .decimalToHex: return decimalKey ?? verbatim
        case .auto:
            let hasHexLetter = id.lowercased().contains { "abcdef".contains($0) }
            return (hasHexLetter ? hexKey : decimalKey) ?? verbatim
        }
    }

    /// The keys a receipt is looked up by.
    public func lookupKeys(for receipt: DeliveryReceipt) -> [String] {
        receipt.candidateKeys(using: MessageIDNormalizer(interpretations: .all))
    }
}
