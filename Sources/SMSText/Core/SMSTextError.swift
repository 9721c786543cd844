/// An error raised by the SMSText library, with a stable machine-readable ``code`` and a human ``message``.
///
/// Every throwing API in this module throws `SMSTextError` (typed throws), so callers can switch on the
/// cases or map ``code`` straight onto an API error response.
///
/// ```swift
/// do {
///     let plan = try SMSEncoder(options).encode(text, reference: 42)
/// } catch {
///     print(error.code, error.message)   // "SMSTEXT_TOO_MANY_PARTS", "The text needs 12 parts; at most 10 are allowed."
/// }
/// ```
public enum SMSTextError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No allowed encoding can represent this Unicode scalar (for example an emoji when the peer accepts GSM 7-bit only).
    case unrepresentableCharacter(Unicode.Scalar, allowedEncodings: [TextEncoding])
    /// The text needs more parts than the configured maximum.
    case tooManyParts(required: Int, maximum: Int)
    /// The encoder options are inconsistent (for example `maxParts` outside 1...255, or no usable encoding).
    case invalidOptions(String)
    /// The user data header announced by UDHI is truncated or inconsistent.
    case malformedUserDataHeader(String)
    /// The delivery receipt could not be understood (for example it carries no message id at all).
    case malformedDeliveryReceipt(String)

    /// A stable identifier for the error kind, suitable for logs, metrics and API responses.
    public var code: String {
        switch self {
        case .unrepresentableCharacter: return "SMSTEXT_UNREPRESENTABLE_CHARACTER"
        case .tooManyParts: return "SMSTEXT_TOO_MANY_PARTS"
        case .invalidOptions: return "SMSTEXT_INVALID_OPTIONS"
        case .malformedUserDataHeader: return "SMSTEXT_MALFORMED_UDH"
        case .malformedDeliveryReceipt: return "SMSTEXT_MALFORMED_RECEIPT"
        }
    }

    /// A human-readable explanation of the error.
    public var message: String {
        switch self {
        case .unrepresentableCharacter(let scalar, let encodings):
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            let names = encodings.map(\.rawValue).joined(separator: ", ")
            return "The character U+\(padded) cannot be encoded with the allowed encodings (\(names))."
        case .tooManyParts(let required, let maximum):
            return "The text needs \(required) parts; at most \(maximum) are allowed."
        case .invalidOptions(let reason):
            return "Invalid encoder options: \(reason)"
        case .malformedUserDataHeader(let reason):
            return "Malformed user data header: \(reason)"
        case .malformedDeliveryReceipt(let reason):
            return "Malformed delivery receipt: \(reason)"
        }
    }

    public var description: String { "\(code): \(message)" }
}
