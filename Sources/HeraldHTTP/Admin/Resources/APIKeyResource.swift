import HeraldCore

/// The JSON shape of an API key; `key` (the full text) only in the answer that issued it.
public struct APIKeyResource: Sendable, Equatable, Encodable {
    public var id: String
    public var object = "api_key"
    public var accountID: String
    public var name: String
    public var key: String?
    public var createdAt: Timestamp
    public var revokedAt: Timestamp?

    enum CodingKeys: String, CodingKey {
        case id, object
        case accountID = "account_id"
        case name, key
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
    }

    public init(_ key: APIKey, text: String? = nil) {
        id = key.id.rawValue
        accountID = key.accountID.rawValue
        name = key.name
        self.key = text
        createdAt = key.createdAt
        revokedAt = key.revokedAt
    }
}
