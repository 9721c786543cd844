/// Retention settings approved by operators, as stored, with a revision that grows with every change.
public struct RetentionRecord: Sendable, Equatable {
    public var settings: RetentionSettings
    public var revision: Int64
    public var updatedAt: Timestamp

    public init(settings: RetentionSettings, revision: Int64, updatedAt: Timestamp) {
        self.settings = settings
        self.revision = revision
        self.updatedAt = updatedAt
    }
}
