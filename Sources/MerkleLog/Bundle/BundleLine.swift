/// One JSON object of a bundle file; `type` says which fields are present (docs/audit-bundle.md).
struct BundleLine: Codable {
    enum Kind: String, Codable {
        case header, checkpoint, consistency, inclusion, entry
    }

    /// Bytes as `{"utf8": "…"}` when valid UTF-8 (readable), else `{"base64": "…"}`.
    struct Bytes: Codable {
        var utf8: String?
        var base64: String?

        init(_ bytes: [UInt8]) {
            if let text = String(validating: bytes, as: UTF8.self) {
                self.utf8 = text
            } else {
                self.base64 = Base64.encode(bytes)
            }
        }

        func decoded() -> [UInt8]? {
            switch (utf8, base64) {
            case (let text?, nil): Array(text.utf8)
            case (nil, let encoded?): Base64.decode(encoded)
            default: nil
            }
        }
    }

    struct Sealed: Codable {
        var name: String
        var commitment: MerkleHash
        var salt: String?
        var value: Bytes?
    }

    var type: Kind
    // header
    var format: String?
    var version: Int?
    var origin: String?
    var verifierKey: String?
    // checkpoint
    var note: String?
    // consistency
    var from: UInt64?
    var to: UInt64?
    // inclusion (and entry: index)
    var index: UInt64?
    var size: UInt64?
    var hashes: [MerkleHash]?
    // entry
    var prev: MerkleHash?
    var `public`: Bytes?
    var sealed: [Sealed]?
    var sig: String?

    init(type: Kind) {
        self.type = type
    }
}
