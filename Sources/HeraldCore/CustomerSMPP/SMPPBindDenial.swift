/// Why a bind to the customer SMPP listener was refused. The listener answers each with a bind error
/// (docs/customer-smpp.md has the table) and the refusal is audited as a denied request.
public enum SMPPBindDenial: String, Sendable, Equatable, CaseIterable, Error {
    /// No account binds with this `system_id`.
    case unknownSystemID = "unknown_system_id"
    /// The password does not match.
    case invalidPassword = "invalid_password"
    /// The account is suspended.
    case accountSuspended = "account_suspended"
    /// The client's address is outside the account's allowed ranges.
    case addressNotAllowed = "address_not_allowed"
    /// The account already holds its maximum number of binds.
    case bindLimitReached = "bind_limit_reached"
    /// Too many bind attempts from this address; try again in a minute.
    case tooManyAttempts = "too_many_attempts"
    /// Herald could not check or record the bind (storage unavailable).
    case unavailable
}
