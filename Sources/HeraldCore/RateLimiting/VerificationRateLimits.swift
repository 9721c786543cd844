/// The token-bucket limits applied to verification starts (and resends), besides the account's own
/// ``AccountLimits/verificationsPerSecond`` / ``AccountLimits/verificationBurst``.
///
/// Each is checked in the order listed, narrowest first, so a request stopped by a narrow limit (one
/// number, one end user) does not use up the wider buckets of the account.
public struct VerificationRateLimits: Sendable, Equatable {
    /// Per end-user IP address, when the request names one (`end_user_ip`), per account. Generous, because
    /// mobile users behind carrier-grade NAT share addresses.
    public var perEndUserAddress: RateLimit
    /// Per calling address (the API client's IP), across accounts. One customer backend usually calls from one
    /// address, so this must stay above the largest account limit; it caps one host using many accounts' keys.
    public var perClientAddress: RateLimit
    /// Per destination number, across accounts.
    public var perNumber: RateLimit
    /// Per destination prefix (E.164 without the last ``FraudGuardConfiguration/suffixDigits`` digits), across accounts.
    public var perPrefix: RateLimit

    public init(
        perEndUserAddress: RateLimit = .perInterval(30, .seconds(3600), burst: 10),
        perClientAddress: RateLimit = RateLimit(capacity: 2000, refillPerSecond: 1000),
        perNumber: RateLimit = .perInterval(5, .seconds(600)),
        perPrefix: RateLimit = .perInterval(600, .seconds(3600), burst: 60)
    ) {
        self.perEndUserAddress = perEndUserAddress
        self.perClientAddress = perClientAddress
        self.perNumber = perNumber
        self.perPrefix = perPrefix
    }

    /// Limits that never bind (for tests and benchmarks that measure something else).
    public static let unlimited = VerificationRateLimits(
        perEndUserAddress: RateLimit(capacity: 1_000_000_000, refillPerSecond: 1_000_000_000),
        perClientAddress: RateLimit(capacity: 1_000_000_000, refillPerSecond: 1_000_000_000),
        perNumber: RateLimit(capacity: 1_000_000_000, refillPerSecond: 1_000_000_000),
        perPrefix: RateLimit(capacity: 1_000_000_000, refillPerSecond: 1_000_000_000))
}
