/// The kind tag for verification identifiers (`ver_…`).
public enum VerificationKind: IdentifierKind { public static let prefix = "ver" }
public typealias VerificationID = Identifier<VerificationKind>

/// One attempt to prove that a user controls a phone number: a code sent by SMS (resent on request) and
/// checked at most ``maximumChecks`` times before it expires.
///
/// The code itself is never stored: only ``codeHash``, an HMAC bound to this verification and to the send
/// that carried the code (see ``VerificationCodeHasher``), and it is cleared once the verification ends.
public struct Verification: Sendable, Equatable, Codable {
    public var id: VerificationID
    public var accountID: AccountID
    /// Destination in E.164.
    public var to: String
    public var channel: VerificationChannel
    public var status: VerificationStatus
    /// The locale the latest message was written in (a catalog locale such as `en`, `pt`, `zh`).
    public var locale: String
    /// The template the latest message used.
    public var template: String
    public var codeLength: Int
    /// The name shown in the message ({brand}).
    public var brand: String
    /// Android SMS Retriever app hash (11 characters), when the latest send carried one.
    public var appHash: String?
    /// WebOTP origin (`example.com`), when the latest send carried the origin-bound line.
    public var domain: String?
    /// Where `verification.*` webhooks go (the request's `callback_url`, else the account's webhook URL).
    public var callbackURL: String?
    public var destination: Destination
    /// The number range the fraud guard and analytics count this verification under.
    public var prefix: String
    /// Keyed hash of the current code; `nil` once the verification is final.
    public var codeHash: String?
    public var lifetimeSeconds: Int
    /// The current code is accepted until then.
    public var expiresAt: Timestamp
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var approvedAt: Timestamp?
    /// Checks made so far (right or wrong).
    public var checks: Int
    public var maximumChecks: Int
    /// Every send of a code, oldest first; the last one carries the current code.
    public var sends: [VerificationSend]
    /// Optimistic-concurrency version, incremented by the store on every update.
    public var version: Int

    public init(
        id: VerificationID, accountID: AccountID, to: String, channel: VerificationChannel, locale: String, template: String, codeLength: Int,
        brand: String, appHash: String?, domain: String?, callbackURL: String?, destination: Destination, prefix: String, codeHash: String,
        lifetimeSeconds: Int, createdAt: Timestamp, maximumChecks: Int, sends: [VerificationSend]
    ) {
        self.id = id
        self.accountID = accountID
        self.to = to
        self.channel = channel
        self.status = .pending
        self.locale = locale
        self.template = template
        self.codeLength = codeLength
        self.brand = brand
        self.appHash = appHash
        self.domain = domain
        self.callbackURL = callbackURL
        self.destination = destination
        self.prefix = prefix
        self.codeHash = codeHash
        self.lifetimeSeconds = lifetimeSeconds
        self.expiresAt = createdAt.adding(seconds: Int64(lifetimeSeconds))
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.approvedAt = nil
        self.checks = 0
        self.maximumChecks = maximumChecks
        self.sends = sends
        self.version = 0
    }

    /// True while a code may still be checked: pending and within its lifetime.
    public func isOpen(at time: Timestamp) -> Bool { status == .pending && time < expiresAt }

    /// Moves to a final `status`, forgetting the code hash. Returns `false` (changing nothing) when already final.
    @discardableResult
    public mutating func finish(_ status: VerificationStatus, at time: Timestamp) -> Bool {
        guard self.status == .pending, status.isFinal else { return false }
        self.status = status
        self.codeHash = nil
        self.updatedAt = time
        if status == .approved { approvedAt = time }
        return true
    }

    /// The message carrying the current code.
    public var currentMessageID: MessageID? { sends.last?.messageID }
}
