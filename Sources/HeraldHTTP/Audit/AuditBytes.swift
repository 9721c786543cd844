import Foundation

/// Bytes in the audit bundle's convention: `{"utf8": "…"}` when valid UTF-8, else `{"base64": "…"}`.
struct AuditBytes: Encodable, Equatable {
    var utf8: String?
    var base64: String?

    init(_ bytes: [UInt8]) {
        if let text = String(validating: bytes, as: UTF8.self) {
            utf8 = text
        } else {
            base64 = Data(bytes).base64EncodedString()
        }
    }
}
