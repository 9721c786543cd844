import GRDB
import HeraldCore

extension SQLiteHeraldStore: VerificationStore {
    public func insertVerification(_ verification: Verification, message: Message, effects: SideEffects) async throws -> Bool {
        try await write("inserting verification \(verification.id)") { db in
            try db.cachedStatement(sql: VerificationTable.insert).execute(arguments: VerificationTable.insertArguments(verification))
            guard db.changesCount == 1 else { return false }
            // MessageTable never writes an ephemeral body: the code stays out of the database.
            try db.cachedStatement(sql: MessageTable.insert).execute(arguments: MessageTable.insertArguments(message))
            try Self.insertWebhooks(effects.webhooks, in: db)
            try CustomerSMPPDeliveryTable.insert(effects.smppDeliveries, in: db)
            try self.auditAppender.append(effects.audit, in: db)
            return true
        }
    }

    public func updateVerification(_ verification: Verification, newMessage: Message?, effects: SideEffects) async throws -> Bool {
        try await write("updating verification \(verification.id)") { db in
            try db.cachedStatement(sql: VerificationTable.updateIfVersion).execute(arguments: VerificationTable.updateArguments(verification))
            guard db.changesCount == 1 else { return false }
            if let newMessage {
                try db.cachedStatement(sql: MessageTable.insert).execute(arguments: MessageTable.insertArguments(newMessage))
            }
            try Self.insertWebhooks(effects.webhooks, in: db)
            try CustomerSMPPDeliveryTable.insert(effects.smppDeliveries, in: db)
            try self.auditAppender.append(effects.audit, in: db)
            return true
        }
    }

    public func verification(_ id: VerificationID, accountID: AccountID?) async throws -> Verification? {
        try await read("reading verification \(id)") { db in
            let row: Row?
            if let accountID {
                row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT \(VerificationTable.columns) FROM verifications WHERE id = ? AND account_id = ?"),
                    arguments: [id.rawValue, accountID.rawValue])
            } else {
                row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(VerificationTable.columns) FROM verifications WHERE id = ?"), arguments: [id.rawValue])
            }
            return try row.map(VerificationTable.decode)
        }
    }

    public func pendingVerification(accountID: AccountID, to: String) async throws -> Verification? {
        try await read("reading a pending verification") { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(VerificationTable.columns) FROM verifications WHERE account_id = ? AND to_number = ? AND status = 'pending'"),
                arguments: [accountID.rawValue, to]
            ).map(VerificationTable.decode)
        }
    }

    public func verifications(accountID: AccountID, to: String, sentSince time: Timestamp) async throws -> [Verification] {
        try await read("reading recent verifications of a number") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT \(VerificationTable.columns) FROM verifications WHERE account_id = ? AND to_number = ? AND last_sent_at >= ? ORDER BY id
                    """),
                arguments: [accountID.rawValue, to, time.millisecondsSince1970]
            ).map(VerificationTable.decode)
        }
    }

    public func expirableVerifications(now: Timestamp, limit: Int) async throws -> [Verification] {
        guard limit > 0 else { return [] }
        return try await read("selecting expirable verifications") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT \(VerificationTable.columns) FROM verifications WHERE status = 'pending' AND expires_at <= ? ORDER BY expires_at LIMIT ?
                    """),
                arguments: [now.millisecondsSince1970, limit]
            ).map(VerificationTable.decode)
        }
    }

    public func verificationStatistics(_ query: VerificationStatisticsQuery) async throws -> [VerificationStatisticsRow] {
        let key = query.groupBy == .country ? "region_code" : "prefix"
        return try await read("counting verifications") { db in
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT \(key), count(*), sum(send_count), sum(status = 'approved') FROM verifications
                    WHERE account_id = ? AND created_at >= ? AND created_at < ?
                    GROUP BY \(key)
                    """),
                arguments: [query.accountID.rawValue, query.from.millisecondsSince1970, query.to.millisecondsSince1970])
            return try rows.map { row in
                var r = RowReader(row)
                return VerificationStatisticsRow(key: try r.next(), verifications: try r.next(), sends: try r.next(), approved: try r.next())
            }
        }
    }
}
