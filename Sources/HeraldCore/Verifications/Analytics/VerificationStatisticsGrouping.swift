/// What the analytics endpoint groups verification counts by.
public enum VerificationStatisticsGrouping: String, Sendable, Codable, CaseIterable, Equatable {
    /// ISO 3166-1 alpha-2 region of the destination.
    case country
    /// The destination's number range (E.164 digits without the last few; see ``FraudTarget``).
    case prefix
}
