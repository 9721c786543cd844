import HeraldCore

extension PostgresHeraldStore: SMPPAccountStore {
    public func smppAccount(accountID: AccountID) async throws -> SMPPAccount? {
        try await read("reading SMPP access") { tx in
            try await tx.row("SELECT \(SMPPAccountTable.columns) FROM smpp_accounts WHERE account_id = ?", [accountID.rawValue]).map(SMPPAccountTable.decode)
        }
    }

    public func smppAccount(systemID: String) async throws -> SMPPAccount? {
        try await read("reading SMPP access") { tx in
            try await tx.row("SELECT \(SMPPAccountTable.columns) FROM smpp_accounts WHERE system_id = ?", [systemID]).map(SMPPAccountTable.decode)
        }
    }

    public func smppAccounts() async throws -> [SMPPAccount] {
        try await read("listing SMPP access") { tx in
            try await tx.rows("SELECT \(SMPPAccountTable.columns) FROM smpp_accounts ORDER BY system_id").map(SMPPAccountTable.decode)
        }
    }

    /// The unique constraint on the system id decides between accounts (also saved at once on two nodes).
    public func saveSMPPAccount(_ account: SMPPAccount, audit: [AuditEvent]) async throws {
        let arguments = try SMPPAccountTable.arguments(account)
        do {
            try await write("saving SMPP access of \(account.accountID)") { tx in
                try await tx.execute(SMPPAccountTable.upsert, arguments)
                try await self.auditAppender.append(audit, in: tx)
            }
        } catch let error as HeraldError where error.code == PostgresStoreError.conflictCode && error.message.contains(SMPPAccountTable.systemIDConstraint) {
            throw HeraldError.systemIDTaken(account.systemID)
        }
    }

    public func deleteSMPPAccount(accountID: AccountID, audit: [AuditEvent]) async throws -> Bool {
        try await write("removing SMPP access of \(accountID)") { tx in
            guard try await tx.changes("DELETE FROM smpp_accounts WHERE account_id = ?", [accountID.rawValue]) == 1 else { return false }
            try await self.auditAppender.append(audit, in: tx)
            return true
        }
    }
}
