import Foundation

/// Creates, lists and disables operators, issues and revokes their tokens, and authenticates presented
/// tokens. Every change is audited in the same transaction.
///
/// ```swift
/// let operators = OperatorService(store: store, clock: clock, random: SystemRandomSource())
/// let created = try await operators.createOperator(name: "Ada", role: .admin, actor: .cli("root"))
/// print(created.credential.text)   // shown once
/// let signedIn = try await operators.authenticate(presentedToken: created.credential.text)
/// ```
public struct OperatorService: Sendable {
    public let store: any OperatorStore
    public let clock: any HeraldClock
    public let random: any RandomSource

    /// 90 days: how long a token lasts unless asked otherwise.
    public static let defaultTokenLifetime = Duration.seconds(90 * 86_400)
    /// 1 hour to 366 days: the lifetimes a token may be given.
    public static let tokenLifetimeRange = Duration.seconds(3600)...Duration.seconds(366 * 86_400)

    public init(store: any OperatorStore, clock: any HeraldClock, random: any RandomSource) {
        self.store = store
        self.clock = clock
        self.random = random
    }

    /// A new operator and its first token (whose text is only available here).
    public struct Creation: Sendable {
        public var `operator`: Operator
        public var token: OperatorToken
        public var credential: OperatorTokenCredential
    }

    /// An authenticated caller: the operator and the token it presented.
    public struct SignedIn: Sendable, Equatable {
        public var `operator`: Operator
        public var tokenID: OperatorTokenID
    }

    public func createOperator(
        name: String, role: OperatorRole, tokenLifetime: Duration = OperatorService.defaultTokenLifetime, actor: AuditActor
    ) async throws -> Creation {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(trimmed.count), !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw HeraldError.invalid("invalid_operator_name", "an operator name must have 1 to 100 characters and no control characters", field: "name")
        }
        try Self.checkLifetime(tokenLifetime)
        let now = clock.now()
        let op = Operator(id: OperatorID.generate(at: now, random: random), name: trimmed, role: role, createdAt: now, createdBy: actor.description)
        let (token, credential) = newToken(for: op.id, lifetime: tokenLifetime, at: now)
        try await store.insertOperator(op, tokens: [token], audit: [
            AuditEvent(at: now, actor: actor, action: "operator.create", target: op.id.rawValue, details: ["name": trimmed, "role": role.rawValue]),
            Self.tokenIssued(token, actor: actor, at: now),
        ])
        return Creation(operator: op, token: token, credential: credential)
    }

    public func operators() async throws -> [Operator] {
        try await store.operators()
    }

    public func findOperator(_ id: OperatorID) async throws -> Operator {
        guard let op = try await store.findOperator(id) else { throw HeraldError.notFound("operator \(id)") }
        return op
    }

    public func tokens(of id: OperatorID) async throws -> [OperatorToken] {
        try await store.operatorTokens(operatorID: id)
    }

    /// Disables an operator and revokes its tokens. The last active admin cannot be disabled.
    public func disable(_ id: OperatorID, actor: AuditActor) async throws -> Operator {
        let now = clock.now()
        let outcome = try await store.disableOperator(id, at: now, audit: [
            AuditEvent(at: now, actor: actor, action: "operator.disable", target: id.rawValue),
        ])
        switch outcome {
        case .disabled, .alreadyDisabled: return try await findOperator(id)
        case .notFound: throw HeraldError.notFound("operator \(id)")
        case .lastAdmin:
            throw HeraldError(
                .conflict, code: "last_admin", "\(id) is the only active admin; create another admin before disabling this one")
        }
    }

    /// Issues another token to an active operator (the text is only available here).
    public func issueToken(
        to id: OperatorID, lifetime: Duration = OperatorService.defaultTokenLifetime, actor: AuditActor
    ) async throws -> (OperatorToken, OperatorTokenCredential) {
        try Self.checkLifetime(lifetime)
        let op = try await findOperator(id)
        guard op.status == .active else {
            throw HeraldError(.conflict, code: "operator_disabled", "\(id) is disabled; it cannot be given tokens")
        }
        let now = clock.now()
        let (token, credential) = newToken(for: id, lifetime: lifetime, at: now)
        try await store.insertOperatorToken(token, audit: [Self.tokenIssued(token, actor: actor, at: now)])
        return (token, credential)
    }

    public func revokeToken(_ id: OperatorTokenID, actor: AuditActor) async throws {
        let now = clock.now()
        let revoked = try await store.revokeOperatorToken(id, at: now, audit: [
            AuditEvent(at: now, actor: actor, action: "operator_token.revoke", target: id.rawValue),
        ])
        guard revoked else { throw HeraldError.notFound("operator token \(id)") }
    }

    /// The operator a presented token belongs to; throws ``authenticationFailure`` for a missing, malformed,
    /// unknown, expired or revoked token and for a disabled operator (one error for all).
    public func authenticate(presentedToken text: String) async throws -> SignedIn {
        let now = clock.now()
        guard let credential = OperatorTokenCredential(text: text), let token = try await store.operatorToken(credential.tokenID),
              credential.matches(token), token.isValid(at: now),
              let op = try await store.findOperator(token.operatorID), op.status == .active else {
            throw Self.authenticationFailure
        }
        return SignedIn(operator: op, tokenID: token.id)
    }

    /// The one error for every failed operator authentication.
    public static let authenticationFailure = HeraldError(
        .unauthenticated, code: "invalid_operator_token",
        "admin routes need an operator token (ho_…); it is missing, malformed, unknown, expired or revoked, or its operator is disabled (customer API keys are not accepted here)")

    /// The error for an operator whose role lacks `permission`.
    public static func forbidden(_ signedIn: Operator, lacking permission: OperatorPermission) -> HeraldError {
        let roles = OperatorRole.granting(permission).map(\.rawValue).joined(separator: " or ")
        return HeraldError(
            .forbidden, code: "insufficient_role", "the \(signedIn.role.rawValue) role may not do this; it needs the \(roles) role (\(permission.rawValue))")
    }

    private static func checkLifetime(_ lifetime: Duration) throws {
        guard tokenLifetimeRange.contains(lifetime) else {
            throw HeraldError.invalid("invalid_token_lifetime", "an operator token may last from 1 hour to 366 days", field: "expires_in_days")
        }
    }

    private static func tokenIssued(_ token: OperatorToken, actor: AuditActor, at time: Timestamp) -> AuditEvent {
        AuditEvent(
            at: time, actor: actor, action: "operator_token.issue", target: token.id.rawValue,
            details: ["operator": token.operatorID.rawValue, "expires_at": token.expiresAt.iso8601])
    }

    private func newToken(for id: OperatorID, lifetime: Duration, at time: Timestamp) -> (OperatorToken, OperatorTokenCredential) {
        let credential = OperatorTokenCredential.issue(at: time, random: random)
        let token = OperatorToken(id: credential.tokenID, operatorID: id, secretHash: credential.hash, createdAt: time, expiresAt: time.adding(lifetime))
        return (token, credential)
    }
}
