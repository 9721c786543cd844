import HeraldCore

extension PostgresHeraldStore: NumberAssignmentStore {
    public func assignNumber(_ number: AssignedNumber, audit: [AuditEvent]) async throws {
        try await write("assigning \(number.number)") { tx in
            guard try await tx.row(AssignedNumberTable.insert, AssignedNumberTable.arguments(number)) != nil else {
                throw HeraldError.numberAlreadyAssigned(number.number)
            }
            try await self.auditAppender.append(audit, in: tx)
        }
    }

    public func unassignNumber(key: String, accountID: AccountID, audit: [AuditEvent]) async throws -> Bool {
        try await write("unassigning a number") { tx in
            guard try await tx.changes("DELETE FROM assigned_numbers WHERE number_key = ? AND account_id = ?", [key, accountID.rawValue]) == 1 else {
                return false
            }
            try await self.auditAppender.append(audit, in: tx)
            return true
        }
    }

    public func assignedNumber(key: String) async throws -> AssignedNumber? {
        try await read("reading a number assignment") { tx in
            try await tx.row("SELECT \(AssignedNumberTable.columns) FROM assigned_numbers WHERE number_key = ?", [key]).map(AssignedNumberTable.decode)
        }
    }

    public func assignedNumbers(accountID: AccountID?) async throws -> [AssignedNumber] {
        try await read("listing number assignments") { tx in
            if let accountID {
                return try await tx.rows(
                    "SELECT \(AssignedNumberTable.columns) FROM assigned_numbers WHERE account_id = ? ORDER BY number", [accountID.rawValue]
                ).map(AssignedNumberTable.decode)
            }
            return try await tx.rows("SELECT \(AssignedNumberTable.columns) FROM assigned_numbers ORDER BY number").map(AssignedNumberTable.decode)
        }
    }
}
