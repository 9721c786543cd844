import HeraldCore
import SMPP

/// How Herald's domain errors are answered on the customer SMPP listener: by stable code where SMPP has a
/// fitting status, else by category. The table is documented in docs/customer-smpp.md.
///
/// ```swift
/// CommandStatusMapping.status(for: HeraldError.invalid("invalid_sender", "…"))   // ESME_RINVSRCADR
/// ```
public enum CommandStatusMapping {
    /// Statuses for specific error codes.
    public static let byCode: [String: CommandStatus] = [
        "invalid_destination": .invalidDestinationAddress,
        "unsupported_destination_type": .invalidDestinationAddress,
        "invalid_sender": .invalidSourceAddress,
        "body_empty": .invalidMessageLength,
        "body_too_long": .invalidMessageLength,
        "body_not_encodable": .submitFailed,
        "invalid_validity": .invalidExpiry,
        "invalid_send_at": .invalidScheduledDeliveryTime,
        "recipient_opted_out": .heraldRecipientOptedOut,
        "country_not_permitted": .heraldCountryNotPermitted,
        "account_suspended": .heraldAccountSuspended,
    ]

    /// The `command_status` for a refused submission.
    public static func status(for error: HeraldError) -> CommandStatus {
        if let status = byCode[error.code] { return status }
        switch error.category {
        case .rateLimited: return .throttled
        case .policyBlocked: return .heraldPolicyRefused
        case .unavailable: return .messageQueueFull
        case .internal: return .systemError
        case .invalidInput, .unauthenticated, .forbidden, .notFound, .conflict: return .submitFailed
        }
    }

    /// The bind error for a refused bind.
    public static func status(for denial: SMPPBindDenial) -> CommandStatus {
        switch denial {
        case .unknownSystemID: return .invalidSystemID
        case .invalidPassword: return .invalidPassword
        case .accountSuspended, .addressNotAllowed, .bindLimitReached, .tooManyAttempts, .unavailable: return .bindFailed
        }
    }
}
