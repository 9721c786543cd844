import HeraldCore

/// The admin API's JSON shape of a carrier link: its settings (password hidden), revision, origin and live
/// health from the gateway.
public struct CarrierLinkResource: Sendable, Encodable {
    public var id: String
    public var object = "carrier_link"
    /// `configuration` (seeded from the file), `proposal` (added through an approved proposal) or
    /// `built_in` (the built-in simulator's link, not stored).
    public var origin: String
    public var revision: Int64?
    public var settings: CarrierLinkDefinition
    public var health: LinkHealthResource?
    public var createdAt: Timestamp?
    public var updatedAt: Timestamp?

    enum CodingKeys: String, CodingKey {
        case id, object, origin, revision, settings, health
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(_ record: CarrierLinkRecord, status: LinkStatus?) {
        id = record.id
        origin = record.origin.rawValue
        revision = record.revision
        settings = record.definition.redacted
        health = status.map(LinkHealthResource.init)
        createdAt = record.createdAt
        updatedAt = record.updatedAt
    }

    public init(builtIn definition: CarrierLinkDefinition, status: LinkStatus?) {
        id = definition.id
        origin = "built_in"
        revision = nil
        settings = definition.redacted
        health = status.map(LinkHealthResource.init)
    }
}
