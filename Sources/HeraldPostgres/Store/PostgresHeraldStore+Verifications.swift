import HeraldCore

extension PostgresHeraldStore: VerificationStore {
    public func insertVerification(_ verification: Verification, message: Message, effects: SideEffects) async throws -> Bool {
        try await write("inserting verification \(verification.id)") { tx in
            guard try await tx.row(VerificationTable.insert, try VerificationTable.insertArguments(verification)) != nil else { return false }
            // MessageTable never writes an ephemeral body: the code stays out of the database.
            try await tx.execute(MessageTable.insert, try MessageTable.insertArguments(message))
            try await WebhookDeliveryTable.insert(effects.webhooks, in: tx)
            try await CustomerSMPPDeliveryTable.insert(effects.smppDeliveries, in: tx)
            try await self.auditAppender.append(effects.audit, in: tx)
            return true
        }
    }

    public func updateVerification(_ verification: Verification, newMessage: Message?, effects: SideEffects) async throws -> Bool {
        try await write("updating verification \(verification.id)") { tx in
            guard try await tx.changes(VerificationTable.updateIfVersion, try VerificationTable.updateArguments(verification)) == 1 else { return false }
            if let newMessage {
                try await tx.execute(MessageTable.insert, try MessageTable.insertArguments(newMessage))
            }
            try await WebhookDeliveryTable.insert(effects.webhooks, in: tx)
            try await CustomerSMPPDeliveryTable.insert(effects.smppDeliveries, in: tx)
            try await self.auditAppender.append(effects.audit, in: tx)
            return true
        }
    }

    public func verification(_ id: VerificationID, accountID: AccountID?) async throws -> Verification? {
        try await read("reading verification \(id)") { tx in
            if let accountID {
                return try await tx.row(
                    "SELECT \(VerificationTable.columns) FROM verifications WHERE id = ? AND account_id = ?", [id.rawValue, accountID.rawValue]
                ).map(VerificationTable.decode)
            }
            return try await tx.row("SELECT \(VerificationTable.columns) FROM verifications WHERE id = ?", [id.rawValue]).map(VerificationTable.decode)
        }
    }

    public func pendingVerification(accountID: AccountID, to: String) async throws -> Verification? {
        try await read("reading a pending verification") { tx in
            try await tx.row(
                "SELECT \(VerificationTable.columns) FROM verifications WHERE account_id = ? AND to_number = ? AND status = 'pending'",
                [accountID.rawValue, to]
            ).map(VerificationTable.decode)
        }
    }

    public func verifications(accountID: AccountID, to: String, sentSince time: Timestamp) async throws -> [Verification] {
        try await read("reading recent verifications of a number") { tx in
            try await tx.rows(
                "SELECT \(VerificationTable.columns) FROM verifications WHERE account_id = ? AND to_number = ? AND last_sent_at >= ? ORDER BY id",
                [accountID.rawValue, to, time.millisecondsSince1970]
            ).map(VerificationTable.decode)
        }
    }

    public func expirableVerifications(now: Timestamp, limit: Int) async throws -> [Verification] {
        guard limit > 0 else { return [] }
        return try await read("selecting expirable verifications") { tx in
            try await tx.rows(
                "SELECT \(VerificationTable.columns) FROM verifications WHERE status = 'pending' AND expires_at <= ? ORDER BY expires_at, id LIMIT ?",
                [now.millisecondsSince1970, limit]
            ).map(VerificationTable.decode)
        }
    }

    public func verificationStatistics(_ query: VerificationStatisticsQuery) async throws -> [VerificationStatisticsRow] {
        let key = query.groupBy == .country ? "region_code" : "prefix"
        return try await read("counting verifications") { tx in
            try await tx.rows("""
                SELECT \(key), count(*), sum(send_count)::bigint, count(*) FILTER (WHERE status = 'approved') FROM verifications
                WHERE account_id = ? AND created_at >= ? AND created_at < ?
                GROUP BY \(key)
                ORDER BY \(key)
                """, [query.accountID.rawValue, query.from.millisecondsSince1970, query.to.millisecondsSince1970]
            ).map { row in
                var r = PostgresRowReader(row)
                return VerificationStatisticsRow(key: try r.next(), verifications: try r.int(), sends: try r.int(), approved: try r.int())
            }
        }
    }
}
