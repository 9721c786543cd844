/// Storage port for operators and their tokens. Every write takes the audit events that record it, stored
/// in the same transaction.
public protocol OperatorStore: Sendable {
    /// Stores a new operator with its first tokens.
    func insertOperator(_ op: Operator, tokens: [OperatorToken], audit: [AuditEvent]) async throws
    func findOperator(_ id: OperatorID) async throws -> Operator?
    /// Every operator, oldest first.
    func operators() async throws -> [Operator]
    /// Disables an active operator and revokes its tokens, unless it is the last active admin.
    func disableOperator(_ id: OperatorID, at time: Timestamp, audit: [AuditEvent]) async throws -> OperatorDisableOutcome

    func insertOperatorToken(_ token: OperatorToken, audit: [AuditEvent]) async throws
    func operatorToken(_ id: OperatorTokenID) async throws -> OperatorToken?
    /// The operator's tokens, oldest first.
    func operatorTokens(operatorID: OperatorID) async throws -> [OperatorToken]
    /// Marks a token revoked; `false` when there is no such token (revoking twice keeps the first time).
    func revokeOperatorToken(_ id: OperatorTokenID, at time: Timestamp, audit: [AuditEvent]) async throws -> Bool
}

/// What ``OperatorStore/disableOperator(_:at:audit:)`` did.
public enum OperatorDisableOutcome: Sendable, Equatable {
    case disabled
    case notFound
    case alreadyDisabled
    /// Refused: the operator is the only active admin (nobody could manage operators any more).
    case lastAdmin
}
