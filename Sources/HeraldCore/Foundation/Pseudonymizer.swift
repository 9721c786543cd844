/// Replaces phone numbers (and other identifiers of people) with keyed hashes for logs and metrics, so
/// operators can correlate events about one number without the logs revealing it.
///
/// `pseudonym("+4915123456789")` → `tel:5f0c3a9b1e2d4c6f`: HMAC-SHA256 under a server key, truncated to
/// 64 bits. Without the key the mapping cannot be reversed by enumerating numbers.
public struct Pseudonymizer: Sendable {
    private let key: [UInt8]

    public init(key: [UInt8]) {
        self.key = key
    }

    public func pseudonym(_ value: String, kind: String = "tel") -> String {
        "\(kind):" + SecretHashing.hmacHex(key: key, message: value).prefix(16)
    }
}
