import Crypto
import Foundation

/// Signs webhook bodies so receivers can prove a callback came from Herald and is fresh.
///
/// Header: `Herald-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
/// Receivers recompute the HMAC over the timestamp, a full stop and the raw body, compare in constant
/// time, and reject timestamps older than their tolerance (5 minutes is suggested).
public struct WebhookSigner: Sendable {
    public static let headerName = "Herald-Signature"

    public init() {}

    public func signatureHeader(secret: String, body: [UInt8], at time: Timestamp) -> String {
        let seconds = time.millisecondsSince1970 / 1000
        return "t=\(seconds),v1=\(signature(secret: secret, body: body, unixSeconds: seconds))"
    }

    public func signature(secret: String, body: [UInt8], unixSeconds: Int64) -> String {
        var message = Data("\(unixSeconds).".utf8)
        message.append(contentsOf: body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return SecretHashing.hex(code)
    }

    /// Verifies a header as a receiver would; `tolerance` bounds the age of the timestamp.
    public func verify(header: String, secret: String, body: [UInt8], now: Timestamp, tolerance: Duration = .seconds(300)) -> Bool {
        var timestamp: Int64?
        var signatures: [String] = []
        for item in header.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            switch pair[0].trimmingCharacters(in: .whitespaces) {
            case "t": timestamp = Int64(pair[1])
            case "v1": signatures.append(String(pair[1]))
            default: continue
            }
        }
        guard let timestamp else { return false }
        let age = now.millisecondsSince1970 / 1000 - timestamp
        guard abs(age) <= tolerance.components.seconds else { return false }
        let expected = signature(secret: secret, body: body, unixSeconds: timestamp)
        return signatures.contains { SecretHashing.constantTimeEquals($0, expected) }
    }
}
