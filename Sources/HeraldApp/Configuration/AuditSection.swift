import HeraldAuditLog

/// `audit:` — the tamper-evident audit log.
///
/// ```yaml
/// audit:
///   checkpoint_interval_seconds: 1     # sign a checkpoint every second when the log grew
///   origin: audit.sms.example/log      # only used when the log key is generated (first start)
/// ```
public struct AuditSection: Codable, Sendable, Equatable {
    /// Seconds between checkpoints while the log grows (1-3600). Default 1.
    public var checkpointIntervalSeconds: Int
    /// The log's origin, the first line of every checkpoint. Read only when the log key is generated;
    /// afterwards it must equal the key's origin. Default: `herald.local/audit/<random>`.
    public var origin: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case checkpointIntervalSeconds = "checkpoint_interval_seconds"
        case origin
    }

    public init(checkpointIntervalSeconds: Int = 1, origin: String? = nil) {
        self.checkpointIntervalSeconds = checkpointIntervalSeconds
        self.origin = origin
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = AuditSection()
        self.init(
            checkpointIntervalSeconds: try c.decode(.checkpointIntervalSeconds, default: d.checkpointIntervalSeconds),
            origin: try c.decodeIfPresent(String.self, forKey: .origin))
    }

    func validate() throws {
        guard (1...3600).contains(checkpointIntervalSeconds) else { throw ConfigurationError("'audit.checkpoint_interval_seconds' must be 1-3600") }
        if let origin, !AuditLogIdentity.isValidOrigin(origin) {
            throw ConfigurationError("'audit.origin' must be 1-1024 characters without spaces, '+' or control characters, e.g. audit.sms.example/log")
        }
    }
}
