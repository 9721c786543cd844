import GRDB
import HeraldCore

extension SQLiteHeraldStore: SMPPAccountStore {
    public func smppAccount(accountID: AccountID) async throws -> SMPPAccount? {
        try await read("reading SMPP access") { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(SMPPAccountTable.columns) FROM smpp_accounts WHERE account_id = ?"), arguments: [accountID.rawValue])
                .map(SMPPAccountTable.decode)
        }
    }

    public func smppAccount(systemID: String) async throws -> SMPPAccount? {
        try await read("reading SMPP access") { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(SMPPAccountTable.columns) FROM smpp_accounts WHERE system_id = ?"), arguments: [systemID])
                .map(SMPPAccountTable.decode)
        }
    }

    public func smppAccounts() async throws -> [SMPPAccount] {
        try await read("listing SMPP access") { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT \(SMPPAccountTable.columns) FROM smpp_accounts ORDER BY system_id")).map(SMPPAccountTable.decode)
        }
    }

    public func saveSMPPAccount(_ account: SMPPAccount, audit: [AuditEvent]) async throws {
        let arguments = try SMPPAccountTable.arguments(account)
        try await write("saving SMPP access of \(account.accountID)") { db in
            let owner = try String.fetchOne(db.cachedStatement(sql: "SELECT account_id FROM smpp_accounts WHERE system_id = ?"), arguments: [account.systemID])
            if let owner, owner != account.accountID.rawValue { throw HeraldError.systemIDTaken(account.systemID) }
            try db.cachedStatement(sql: SMPPAccountTable.upsert).execute(arguments: arguments)
            try self.auditAppender.append(audit, in: db)
        }
    }

    public func deleteSMPPAccount(accountID: AccountID, audit: [AuditEvent]) async throws -> Bool {
        try await write("removing SMPP access of \(accountID)") { db in
            try db.cachedStatement(sql: "DELETE FROM smpp_accounts WHERE account_id = ?").execute(arguments: [accountID.rawValue])
            guard db.changesCount == 1 else { return false }
            try self.auditAppender.append(audit, in: db)
            return true
        }
    }
}
