/// The authentication hook's answer to a bind: accept (with optional per-session limits) or reject.
///
/// ```swift
/// func authenticate(_ attempt: SMPPBindAttempt) async -> SMPPBindDecision {
///     guard let account = accounts[attempt.systemID], account.password == attempt.password else {
///         return .reject(.invalidPassword)
///     }
///     return .accept(SMPPSessionLimits(maxInFlight: account.window, maxTPS: account.tps))
/// }
/// ```
public struct SMPPBindDecision: Sendable, Hashable {
    /// ESME_ROK to accept, else the bind_resp error status.
    public var status: CommandStatus
    /// Limits for an accepted session; nil uses the server's default.
    public var limits: SMPPSessionLimits?

    public static func accept(_ limits: SMPPSessionLimits? = nil) -> SMPPBindDecision {
        SMPPBindDecision(status: .ok, limits: limits)
    }

    /// Rejects the bind; ESME_RBINDFAIL by default (ESME_RINVPASWD, ESME_RINVSYSID are common too).
    public static func reject(_ status: CommandStatus = .bindFailed) -> SMPPBindDecision {
        SMPPBindDecision(status: status.isOK ? .bindFailed : status, limits: nil)
    }
}
