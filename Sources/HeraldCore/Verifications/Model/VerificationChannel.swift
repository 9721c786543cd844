/// How a verification code reaches the user. Only SMS today; the type leaves room for voice or others.
public enum VerificationChannel: String, Sendable, Codable, CaseIterable, Equatable {
    case sms
}
