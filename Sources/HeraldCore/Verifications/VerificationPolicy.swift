/// The limits of the verification service. docs/verification.md lists each default and why.
public struct VerificationPolicy: Sendable, Equatable {
    /// Digits in a code when the request gives none.
    public var defaultCodeLength: Int
    /// Code lengths a request may ask for.
    public var codeLengths: ClosedRange<Int>
    /// How long a code is accepted when the request gives no lifetime (1 to 30 minutes).
    public var defaultLifetime: Duration
    /// Lifetimes a request may ask for.
    public var minimumLifetime: Duration
    public var maximumLifetime: Duration
    /// Checks (right or wrong) per verification; the last wrong one ends it as `max_attempts_reached`.
    public var maximumChecks: Int
    /// Sends (first send and resends) to one number by one account within ``sendWindow``.
    public var maximumSendsPerNumber: Int
    public var sendWindow: Duration
    /// Sender ID of verification messages; `nil` uses the message policy's default sender.
    public var sender: String?
    /// Longest brand name.
    public var maximumBrandLength: Int
    public var defaultLocale: String
    public var defaultTemplate: String

    public init(
        defaultCodeLength: Int = 6, codeLengths: ClosedRange<Int> = 4...10, defaultLifetime: Duration = .seconds(600),
        minimumLifetime: Duration = .seconds(60), maximumLifetime: Duration = .seconds(1800), maximumChecks: Int = 5,
        maximumSendsPerNumber: Int = 5, sendWindow: Duration = .seconds(600), sender: String? = nil, maximumBrandLength: Int = 30,
        defaultLocale: String = "en", defaultTemplate: String = "default"
    ) {
        self.defaultCodeLength = defaultCodeLength
        self.codeLengths = codeLengths
        self.defaultLifetime = defaultLifetime
        self.minimumLifetime = minimumLifetime
        self.maximumLifetime = maximumLifetime
        self.maximumChecks = maximumChecks
        self.maximumSendsPerNumber = maximumSendsPerNumber
        self.sendWindow = sendWindow
        self.sender = sender
        self.maximumBrandLength = maximumBrandLength
        self.defaultLocale = defaultLocale
        self.defaultTemplate = defaultTemplate
    }

    /// Checks the policy itself (for configuration loading): lengths within 4…10, lifetimes within 1…30 minutes.
    /// A bad policy is the operator's mistake, never a caller's, hence category `.internal`.
    public func validate() throws {
        guard codeLengths.lowerBound >= 4, codeLengths.upperBound <= 10, codeLengths.contains(defaultCodeLength) else {
            throw HeraldError(.internal, code: "invalid_verification_policy", "code lengths must lie within 4…10 and include the default")
        }
        guard minimumLifetime >= .seconds(60), maximumLifetime <= .seconds(1800), minimumLifetime <= defaultLifetime,
              defaultLifetime <= maximumLifetime else {
            throw HeraldError(.internal, code: "invalid_verification_policy", "code lifetimes must lie within 1…30 minutes and include the default")
        }
        guard maximumChecks >= 1, maximumSendsPerNumber >= 1, sendWindow > .zero else {
            throw HeraldError(.internal, code: "invalid_verification_policy", "check and send limits must be positive")
        }
    }
}
