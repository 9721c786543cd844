/// Storage port for verifications.
///
/// A verification and the message carrying its code are written in one transaction, with the webhooks and
/// audit events of the change, so a code is never sent without its verification stored (or the reverse).
/// Implementations: SQLite (embedded default) and, later, PostgreSQL.
public protocol VerificationStore: Sendable {
    /// Stores a new pending verification, the message with its code (whose body is never written: it is
    /// ephemeral) and the side effects. Returns `false`, storing nothing, when the account already has a
    /// pending verification for the same number (a concurrent start won).
    func insertVerification(_ verification: Verification, message: Message, effects: SideEffects) async throws -> Bool

    /// Writes a changed verification if its `version` is still the stored one (the store writes
    /// `version + 1`), with an optional new message (a resend) and side effects. Returns `false`, storing
    /// nothing, when another writer changed it first.
    func updateVerification(_ verification: Verification, newMessage: Message?, effects: SideEffects) async throws -> Bool

    /// A verification, scoped to `accountID` when given (an account never sees another's).
    func verification(_ id: VerificationID, accountID: AccountID?) async throws -> Verification?

    /// The account's pending verification for `to` (E.164), if any — also when its lifetime has passed but
    /// it was not marked expired yet.
    func pendingVerification(accountID: AccountID, to: String) async throws -> Verification?

    /// The account's verifications for `to` with a send at or after `time` (for the per-number send cap).
    func verifications(accountID: AccountID, to: String, sentSince time: Timestamp) async throws -> [Verification]

    /// Pending verifications whose lifetime ended before `now`, at most `limit`, oldest first.
    func expirableVerifications(now: Timestamp, limit: Int) async throws -> [Verification]

    /// Verifications created in `[query.from, query.to)` by the account, counted per country or prefix.
    func verificationStatistics(_ query: VerificationStatisticsQuery) async throws -> [VerificationStatisticsRow]
}
