/// New settings for an existing carrier link, prepared against its revision ``baseRevision``.
public struct CarrierLinkUpdate: Sendable, Equatable, Codable {
    public var definition: CarrierLinkDefinition
    public var baseRevision: Int64

    enum CodingKeys: String, CodingKey {
        case definition
        case baseRevision = "base_revision"
    }

    public init(definition: CarrierLinkDefinition, baseRevision: Int64) {
        self.definition = definition
        self.baseRevision = baseRevision
    }
}
