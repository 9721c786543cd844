import HeraldCore

/// The JSON shape of ``AccountLimits`` (snake_case), read and written by the admin API.
public struct AccountLimitsResource: Sendable, Equatable, Codable {
    public var messagesPerSecond: Double?
    public var messageBurst: Int?
    public var messagesPerDay: Int?
    public var verificationsPerSecond: Double?
    public var verificationBurst: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case messagesPerSecond = "messages_per_second"
        case messageBurst = "message_burst"
        case messagesPerDay = "messages_per_day"
        case verificationsPerSecond = "verifications_per_second"
        case verificationBurst = "verification_burst"
    }

    /// The body of `PUT /v1/admin/accounts/{id}/limits`: any of the limits, and a note for a raise's proposal.
    static let bodyShape = JSONShape.object(Dictionary(uniqueKeysWithValues: CodingKeys.allCases.map {
        ($0.stringValue, $0 == .messagesPerSecond || $0 == .verificationsPerSecond ? JSONShape.value : JSONShape.integer)
    }).merging(["note": .value]) { first, _ in first })

    public init(_ limits: AccountLimits) {
        messagesPerSecond = limits.messagesPerSecond
        messageBurst = limits.messageBurst
        messagesPerDay = limits.messagesPerDay
        verificationsPerSecond = limits.verificationsPerSecond
        verificationBurst = limits.verificationBurst
    }

    /// `base` with every value this resource names replaced.
    public func applied(to base: AccountLimits) -> AccountLimits {
        AccountLimits(
            messagesPerSecond: messagesPerSecond ?? base.messagesPerSecond, messageBurst: messageBurst ?? base.messageBurst,
            messagesPerDay: messagesPerDay ?? base.messagesPerDay, verificationsPerSecond: verificationsPerSecond ?? base.verificationsPerSecond,
            verificationBurst: verificationBurst ?? base.verificationBurst)
    }
}
