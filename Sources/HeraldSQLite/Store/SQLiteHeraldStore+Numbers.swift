import GRDB
import HeraldCore

extension SQLiteHeraldStore: NumberAssignmentStore {
    public func assignNumber(_ number: AssignedNumber, audit: [AuditEvent]) async throws {
        try await write("assigning \(number.number)") { db in
            let taken = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM assigned_numbers WHERE number_key = ?)"), arguments: [number.key]) ?? false
            if taken { throw HeraldError.numberAlreadyAssigned(number.number) }
            try db.cachedStatement(sql: AssignedNumberTable.insert).execute(arguments: AssignedNumberTable.arguments(number))
            try self.auditAppender.append(audit, in: db)
        }
    }

    public func unassignNumber(key: String, accountID: AccountID, audit: [AuditEvent]) async throws -> Bool {
        try await write("unassigning a number") { db in
            try db.cachedStatement(sql: "DELETE FROM assigned_numbers WHERE number_key = ? AND account_id = ?").execute(arguments: [key, accountID.rawValue])
            guard db.changesCount == 1 else { return false }
            try self.auditAppender.append(audit, in: db)
            return true
        }
    }

    public func assignedNumber(key: String) async throws -> AssignedNumber? {
        try await read("reading a number assignment") { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(AssignedNumberTable.columns) FROM assigned_numbers WHERE number_key = ?"), arguments: [key])
                .map(AssignedNumberTable.decode)
        }
    }

    public func assignedNumbers(accountID: AccountID?) async throws -> [AssignedNumber] {
        try await read("listing number assignments") { db in
            if let accountID {
                return try Row.fetchAll(
                    db.cachedStatement(sql: "SELECT \(AssignedNumberTable.columns) FROM assigned_numbers WHERE account_id = ? ORDER BY number"),
                    arguments: [accountID.rawValue]
                ).map(AssignedNumberTable.decode)
            }
            return try Row.fetchAll(db.cachedStatement(sql: "SELECT \(AssignedNumberTable.columns) FROM assigned_numbers ORDER BY number"))
                .map(AssignedNumberTable.decode)
        }
    }
}
