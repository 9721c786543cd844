import HeraldCore

/// `verification:` — the limits of the verification (2FA) API; docs/verification.md explains each default.
///
/// ```yaml
/// verification:
///   default_lifetime_seconds: 600      # 60-1800 (1 to 30 minutes)
///   default_code_length: 6             # 4-10
///   max_checks: 5                      # checks per verification, 1-10
///   max_sends_per_number: 5            # codes to one number by one account …
///   send_window_seconds: 600           # … within this window (60-86400)
///   sender: null                       # sender ID of code messages (default: messages.default_sender)
///   rate_limits: { … }                 # see VerificationRateLimitsSection
/// ```
public struct VerificationSection: Codable, Sendable, Equatable {
    public var defaultLifetimeSeconds: Int
    public var defaultCodeLength: Int
    public var maximumChecks: Int
    public var maximumSendsPerNumber: Int
    public var sendWindowSeconds: Int
    public var sender: String?
    public var rateLimits: VerificationRateLimitsSection

    enum CodingKeys: String, CodingKey, CaseIterable {
        case defaultLifetimeSeconds = "default_lifetime_seconds"
        case defaultCodeLength = "default_code_length"
        case maximumChecks = "max_checks"
        case maximumSendsPerNumber = "max_sends_per_number"
        case sendWindowSeconds = "send_window_seconds"
        case sender
        case rateLimits = "rate_limits"
    }

    public init() {
        let policy = VerificationPolicy()
        defaultLifetimeSeconds = Int(policy.defaultLifetime.components.seconds)
        defaultCodeLength = policy.defaultCodeLength
        maximumChecks = policy.maximumChecks
        maximumSendsPerNumber = policy.maximumSendsPerNumber
        sendWindowSeconds = Int(policy.sendWindow.components.seconds)
        sender = policy.sender
        rateLimits = VerificationRateLimitsSection()
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = VerificationSection()
        self = d
        defaultLifetimeSeconds = try c.decode(.defaultLifetimeSeconds, default: d.defaultLifetimeSeconds)
        defaultCodeLength = try c.decode(.defaultCodeLength, default: d.defaultCodeLength)
        maximumChecks = try c.decode(.maximumChecks, default: d.maximumChecks)
        maximumSendsPerNumber = try c.decode(.maximumSendsPerNumber, default: d.maximumSendsPerNumber)
        sendWindowSeconds = try c.decode(.sendWindowSeconds, default: d.sendWindowSeconds)
        sender = try c.decodeIfPresent(String.self, forKey: .sender)
        rateLimits = try c.decode(.rateLimits, default: d.rateLimits)
    }

    /// The service policy these settings describe.
    public var policy: VerificationPolicy {
        VerificationPolicy(
            defaultCodeLength: defaultCodeLength, defaultLifetime: .seconds(defaultLifetimeSeconds), maximumChecks: maximumChecks,
            maximumSendsPerNumber: maximumSendsPerNumber, sendWindow: .seconds(sendWindowSeconds), sender: sender)
    }

    func validate() throws {
        guard (60...1800).contains(defaultLifetimeSeconds) else {
            throw ConfigurationError("'verification.default_lifetime_seconds' must be 60-1800 (1 to 30 minutes), got \(defaultLifetimeSeconds)")
        }
        guard (4...10).contains(defaultCodeLength) else { throw ConfigurationError("'verification.default_code_length' must be 4-10, got \(defaultCodeLength)") }
        guard (1...10).contains(maximumChecks) else { throw ConfigurationError("'verification.max_checks' must be 1-10, got \(maximumChecks)") }
        guard (1...100).contains(maximumSendsPerNumber) else {
            throw ConfigurationError("'verification.max_sends_per_number' must be 1-100, got \(maximumSendsPerNumber)")
        }
        guard (60...86_400).contains(sendWindowSeconds) else {
            throw ConfigurationError("'verification.send_window_seconds' must be 60-86400, got \(sendWindowSeconds)")
        }
        if let sender {
            do {
                _ = try SenderID.validate(sender, field: "verification.sender")
            } catch let error as HeraldError {
                throw ConfigurationError("'verification.sender': \(error.message)")
            }
        }
        try rateLimits.validate()
    }
}
