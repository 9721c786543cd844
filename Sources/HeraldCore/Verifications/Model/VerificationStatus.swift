/// Where a verification is in its life.
///
/// ```
/// pending ─▶ approved              (the right code was checked in time)
///    ├─────▶ canceled              (the account canceled it)
///    ├─────▶ expired               (its lifetime passed)
///    └─────▶ max_attempts_reached  (too many wrong codes)
/// ```
/// Every status but `pending` is final. Each change is reported by a `verification.<status>` webhook.
public enum VerificationStatus: String, Sendable, Codable, CaseIterable, Equatable {
    case pending
    case approved
    case canceled
    case expired
    case maxAttemptsReached = "max_attempts_reached"

    public var isFinal: Bool { self != .pending }
}
