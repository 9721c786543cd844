/// The values a verification message is written from.
public struct VerificationMessageContent: Sendable, Equatable {
    public var template: String
    public var locale: String
    public var code: String
    public var brand: String
    public var minutes: Int
    public var appHash: String?
    public var domain: String?

    public init(template: String, locale: String, code: String, brand: String, minutes: Int, appHash: String? = nil, domain: String? = nil) {
        self.template = template
        self.locale = locale
        self.code = code
        self.brand = brand
        self.minutes = minutes
        self.appHash = appHash
        self.domain = domain
    }
}
