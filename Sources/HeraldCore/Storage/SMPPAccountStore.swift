/// Storage port for accounts' SMPP access (``SMPPAccount``). Every write takes the audit events that record
/// it, stored in the same transaction.
public protocol SMPPAccountStore: Sendable {
    func smppAccount(accountID: AccountID) async throws -> SMPPAccount?
    func smppAccount(systemID: String) async throws -> SMPPAccount?
    /// Every account's SMPP access, by system id.
    func smppAccounts() async throws -> [SMPPAccount]
    /// Inserts or replaces the account's SMPP access.
    /// - Throws: ``HeraldError`` `system_id_taken` (conflict) when another account binds with the same system id.
    func saveSMPPAccount(_ account: SMPPAccount, audit: [AuditEvent]) async throws
    /// Removes the account's SMPP access; `false` when it had none.
    func deleteSMPPAccount(accountID: AccountID, audit: [AuditEvent]) async throws -> Bool
}

extension HeraldError {
    /// The error an ``SMPPAccountStore`` throws when the system id belongs to another account.
    public static func systemIDTaken(_ systemID: String) -> HeraldError {
        HeraldError(.conflict, code: "system_id_taken", "the SMPP system id '\(systemID)' is already used by another account", field: "system_id")
    }
}
