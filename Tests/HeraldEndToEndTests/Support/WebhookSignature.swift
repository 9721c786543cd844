import Crypto
import Foundation

/// Checks a `Herald-Signature` header the way docs/webhooks.md tells receivers to, written independently
/// of Herald's signer: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + raw body)>`.
enum WebhookSignature {
    static func isValid(header: String, body: [UInt8], secret: String, now: Date = Date(), tolerance: TimeInterval = 300) -> Bool {
        var timestamp: String?
        var signatures: [String] = []
        for item in header.split(separator: ",") {
            let pair = item.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = pair[1] } else if pair[0] == "v1" { signatures.append(pair[1]) }
        }
        guard let timestamp, let seconds = TimeInterval(timestamp), abs(now.timeIntervalSince1970 - seconds) <= tolerance else { return false }
        let key = SymmetricKey(data: Data(secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(timestamp.utf8) + Data(".".utf8) + Data(body), using: key)
        let expected = mac.map { String(format: "%02x", $0) }.joined()
        return signatures.contains { signature in
            // Constant-time comparison of equal-length texts.
            guard signature.utf8.count == expected.utf8.count else { return false }
            return zip(signature.utf8, expected.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }
}
