/// Storage port for the numbers and short codes assigned to accounts. Every write takes the audit events
/// that record it, stored in the same transaction.
public protocol NumberAssignmentStore: Sendable {
    /// Assigns a number. - Throws: ``HeraldError`` `number_already_assigned` (conflict) when the number (by
    /// its ``AssignedNumber/key``) belongs to an account already — the same or another.
    func assignNumber(_ number: AssignedNumber, audit: [AuditEvent]) async throws
    /// Removes the assignment of the number with `key` from `accountID`; `false` when it had none.
    func unassignNumber(key: String, accountID: AccountID, audit: [AuditEvent]) async throws -> Bool
    /// The assignment of the number with `key`, if any.
    func assignedNumber(key: String) async throws -> AssignedNumber?
    /// Numbers of one account, or of every account when `nil`, ordered by number.
    func assignedNumbers(accountID: AccountID?) async throws -> [AssignedNumber]
}

extension HeraldError {
    /// The error a ``NumberAssignmentStore`` throws when the number is assigned already.
    public static func numberAlreadyAssigned(_ number: String) -> HeraldError {
        HeraldError(.conflict, code: "number_already_assigned", "\(number) is already assigned to an account; unassign it first", field: "number")
    }
}
