import HeraldCore

/// The admin API's JSON shape of an account's SMPP access: system id, bind limit, allowed address ranges
/// and throughput. Never the password nor its hash.
public struct SMPPAccessResource: Sendable, Encodable {
    public var object = "smpp_access"
    public var accountID: String
    public var systemID: String
    public var maxBinds: Int
    public var allowedNetworks: [String]
    public var window: Int
    public var tps: Double
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    enum CodingKeys: String, CodingKey {
        case object
        case accountID = "account_id"
        case systemID = "system_id"
        case maxBinds = "max_binds"
        case allowedNetworks = "allowed_networks"
        case window, tps
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(_ access: SMPPAccount) {
        accountID = access.accountID.rawValue
        systemID = access.systemID
        maxBinds = access.maximumBinds
        allowedNetworks = access.allowedNetworks.map(\.description)
        window = access.window
        tps = access.messagesPerSecond
        createdAt = access.createdAt
        updatedAt = access.updatedAt
    }
}
