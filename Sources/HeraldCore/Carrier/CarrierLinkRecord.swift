/// A carrier link as the database keeps it: its settings, a revision that grows with every change, where
/// it came from, and when it was removed (removed links stay as tombstones so the configuration file does
/// not bring them back).
public struct CarrierLinkRecord: Sendable, Equatable, Codable {
    public var definition: CarrierLinkDefinition
    /// 1 when created, plus one per change or removal.
    public var revision: Int64
    public var origin: Origin
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var removedAt: Timestamp?

    public enum Origin: String, Sendable, Codable, Equatable {
        /// Seeded from the configuration file's `carriers` list.
        case configuration
        /// Added through an approved proposal.
        case proposal
    }

    public init(definition: CarrierLinkDefinition, revision: Int64, origin: Origin, createdAt: Timestamp, updatedAt: Timestamp, removedAt: Timestamp? = nil) {
        self.definition = definition
        self.revision = revision
        self.origin = origin
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.removedAt = removedAt
    }

    public var id: String { definition.id }
    public var isActive: Bool { removedAt == nil }
}
