/// How a formatted receipt writes the message id, to imitate carriers that change its base between
/// `submit_sm_resp` and the receipt text.
public enum MessageIDStyle: Sendable, Hashable {
    /// The id exactly as given.
    case verbatim
    /// The given id read as hexadecimal and written in decimal (`1A2B` → `6699`).
    case decimalFromHex
    /// The given id read as decimal and written in hexadecimal (`6699` → `1A2B`), zero-padded to at least
    /// `minimumDigits`.
    case hexFromDecimal(uppercase: Bool, minimumDigits: Int)

    /// The id in this style; falls back to the id as given when it is not a number in the expected base.
    public func render(_ id: String) -> String {
        switch self {
        case .verbatim:
            return id
        case .decimalFromHex:
            return BaseConversion.decimal(fromHex: id) ?? id
        case .hexFromDecimal(let uppercase, let minimumDigits):
            guard let hex = BaseConversion.hex(fromDecimal: id) else { return id }
            return (uppercase ? hex.uppercased() : hex).leftPadded(to: minimumDigits)
        }
    }
}
