/// New retention settings, prepared against the stored revision ``baseRevision`` (0: the configuration's).
public struct RetentionChange: Sendable, Equatable, Codable {
    public var from: RetentionSettings
    public var to: RetentionSettings
    public var baseRevision: Int64

    enum CodingKeys: String, CodingKey {
        case from, to
        case baseRevision = "base_revision"
    }

    public init(from: RetentionSettings, to: RetentionSettings, baseRevision: Int64) {
        self.from = from
        self.to = to
        self.baseRevision = baseRevision
    }
}
