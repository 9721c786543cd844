/// The application side of an ``SMPPServer``: authenticates binds and answers requests.
///
/// Methods are called concurrently (requests of one session run in parallel up to its
/// window); implementations must be thread-safe.
///
/// ```swift
/// struct Simulator: SMPPServerHandler {
///     func authenticate(_ attempt: SMPPBindAttempt) async -> SMPPBindDecision {
///         attempt.password == "secret" ? .accept() : .reject(.invalidPassword)
///     }
///     func handle(_ request: SMPPServerRequest, from session: SMPPServerSession) async throws -> SMPPServerResponse {
///         guard case .submitSM = request else { return .error(.invalidCommandID) }
///         return .submitSM(SubmitSMResponse(messageID: UUID().uuidString))
///     }
/// }
/// ```
public protocol SMPPServerHandler: Sendable {
    /// Decides a bind. Called once per bind attempt, before the session exists.
    func authenticate(_ attempt: SMPPBindAttempt) async -> SMPPBindDecision

    /// Answers a request from a bound session. A thrown ``SMPPError`` with a `commandStatus` is
    /// answered with that status; any other error with ESME_RSYSERR.
    func handle(_ request: SMPPServerRequest, from session: SMPPServerSession) async throws -> SMPPServerResponse

    /// A session finished binding (before any of its requests is handled).
    func sessionBound(_ session: SMPPServerSession) async

    /// A bound session closed (unbind, connection loss or shutdown).
    func sessionClosed(_ session: SMPPServerSession) async
}

extension SMPPServerHandler {
    public func sessionBound(_ session: SMPPServerSession) async {}
    public func sessionClosed(_ session: SMPPServerSession) async {}
}
