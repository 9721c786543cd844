import HeraldCore

extension PostgresHeraldStore {
    public func insertMessages(_ messages: [Message], idempotency: IdempotencyRecord?, webhooks: [WebhookDelivery], audit: [AuditEvent]) async throws -> InsertOutcome {
        try await write("inserting \(messages.count) message(s)") { tx in
            if let record = idempotency {
                guard try await tx.row(IdempotencyTable.insertUnlessLive, IdempotencyTable.arguments(record)) != nil else {
                    // The key is taken by a live record (perhaps committed by another node a moment ago): answer with it.
                    guard let existing = try await tx.row(IdempotencyTable.select, [record.accountID.rawValue, record.key]) else {
                        throw HeraldError(.internal, code: PostgresStoreError.failureCode, "idempotency record vanished during insert")
                    }
                    return .replay(try IdempotencyTable.decode(existing))
                }
            }
            for message in messages { try await tx.execute(MessageTable.insert, try MessageTable.insertArguments(message)) }
            try await WebhookDeliveryTable.insert(webhooks, in: tx)
            try await self.auditAppender.append(audit, in: tx)
            return .inserted
        }
    }

    public func idempotencyRecord(accountID: AccountID, key: String) async throws -> IdempotencyRecord? {
        try await read("reading an idempotency record") { tx in
            try await tx.row(IdempotencyTable.select, [accountID.rawValue, key]).map(IdempotencyTable.decode)
        }
    }

    public func deleteExpiredIdempotencyRecords(now: Timestamp) async throws -> Int {
        try await write("deleting expired idempotency records") { tx in
            try await tx.changes("DELETE FROM idempotency_records WHERE expires_at <= ?", [now.millisecondsSince1970])
        }
    }

    // MARK: Reading messages

    public func message(_ id: MessageID, accountID: AccountID?) async throws -> Message? {
        try await read("reading message \(id)") { tx in
            if let accountID {
                return try await tx.row("SELECT \(MessageTable.columns) FROM messages WHERE id = ? AND account_id = ?", [id.rawValue, accountID.rawValue])
                    .map(MessageTable.decode)
            }
            return try await tx.row("SELECT \(MessageTable.columns) FROM messages WHERE id = ?", [id.rawValue]).map(MessageTable.decode)
        }
    }

    /// Parts by sequence number.
    public func parts(of id: MessageID) async throws -> [MessagePart] {
        try await read("reading parts of \(id)") { tx in
            try await tx.rows("SELECT \(MessagePartTable.columns) FROM message_parts WHERE message_id = ? ORDER BY sequence", [id.rawValue])
                .map(MessagePartTable.decode)
        }
    }

    public func messages(matching query: MessageQuery) async throws -> [Message] {
        guard query.limit > 0 else { return [] }
        var conditions = ["account_id = ?"]
        var arguments: [any PostgresBindable] = [query.accountID.rawValue]
        if let cursor = query.startingAfter {
            conditions.append("id < ?")
            arguments.append(cursor.rawValue)
        }
        if !query.statuses.isEmpty {
            conditions.append("status = ANY(?)")
            arguments.append(query.statuses.map(\.rawValue).sorted())
        }
        if let to = query.to {
            conditions.append("to_number = ?")
            arguments.append(to)
        }
        if let reference = query.clientReference {
            conditions.append("client_reference = ?")
            arguments.append(reference)
        }
        if let from = query.createdFrom {
            conditions.append("created_at >= ?")
            arguments.append(from.millisecondsSince1970)
        }
        if let before = query.createdBefore {
            conditions.append("created_at < ?")
            arguments.append(before.millisecondsSince1970)
        }
        arguments.append(query.limit)
        let sql = "SELECT \(MessageTable.columns) FROM messages WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC LIMIT ?"
        let bound = arguments
        return try await read("listing messages") { tx in try await tx.rows(sql, bound).map(MessageTable.decode) }
    }

    public func messageCountsByStatus() async throws -> [MessageStatus: Int] {
        try await read("counting messages") { tx in
            var counts: [MessageStatus: Int] = [:]
            for row in try await tx.rows("SELECT status, count(*) FROM messages GROUP BY status") {
                var reader = PostgresRowReader(row)
                let status = try reader.enumeration(MessageStatus.self, "message status")
                counts[status] = try reader.int()
            }
            return counts
        }
    }

    // MARK: Writing results

    /// Rows are written in id order (whatever the order of `updates`), so two transactions touching the same
    /// messages lock them in one order and never deadlock; audit events are appended last, in `updates` order.
    public func saveMessageUpdates(_ updates: [MessageUpdate]) async throws -> [Bool] {
        guard !updates.isEmpty else { return [] }
        return try await write("saving \(updates.count) message update(s)") { tx in
            var written = Array(repeating: false, count: updates.count)
            let order = updates.indices.sorted { (updates[$0].message.id.rawValue, $0) < (updates[$1].message.id.rawValue, $1) }
            for index in order {
                let change = updates[index]
                guard try await tx.changes(MessageTable.updateIfVersion, try MessageTable.updateArguments(change.message)) == 1 else { continue }
                try await Self.upsertParts(change.newParts, in: tx)
                try await WebhookDeliveryTable.insert(change.effects.webhooks, in: tx)
                try await CustomerSMPPDeliveryTable.insert(change.effects.smppDeliveries, in: tx)
                written[index] = true
            }
            let audit = updates.indices.filter { written[$0] }.flatMap { updates[$0].effects.audit }
            try await self.auditAppender.append(audit, in: tx)
            return written
        }
    }

    /// Erased bodies are recorded by `audit` only when at least one body was erased. The `body` sealed values
    /// of the messages' `message.accept` audit entries are erased in the same transaction.
    public func eraseBodies(createdBefore time: Timestamp, limit: Int, audit: [AuditEvent]) async throws -> [MessageID] {
        guard limit > 0 else { return [] }
        return try await write("erasing message bodies") { tx in
            let ids = try await tx.rows("""
                UPDATE messages SET body = NULL, body_policy = 'erased'
                WHERE id IN (
                    SELECT id FROM messages WHERE body_policy = 'retained' AND created_at < ? ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id
                """, [time.millisecondsSince1970, limit]
            ).map { row in
                var reader = PostgresRowReader(row)
                return try reader.next(String.self)
            }
            if !ids.isEmpty {
                try await AuditSealedValueTable.eraseBodies(of: ids, in: tx)
                try await self.auditAppender.append(audit, in: tx)
            }
            return ids.sorted().map(MessageID.init(unchecked:))
        }
    }

    public func expirableMessages(now: Timestamp, receiptGrace: Duration, limit: Int) async throws -> [Message] {
        guard limit > 0 else { return [] }
        let receiptCutoff = now.adding(.zero - receiptGrace)
        return try await read("selecting expirable messages") { tx in
            var found: [Message] = []
            for (status, cutoff) in [(MessageStatus.accepted, now), (.queued, now), (.submitted, receiptCutoff)] {
                found += try await tx.rows("""
                    SELECT \(MessageTable.columns) FROM messages
                    WHERE status = ? AND valid_until <= ? AND (lease_until IS NULL OR lease_until <= ?)
                    ORDER BY valid_until LIMIT ?
                    """, [status.rawValue, cutoff.millisecondsSince1970, now.millisecondsSince1970, limit]
                ).map(MessageTable.decode)
            }
            found.sort { ($0.validUntil, $0.id) < ($1.validUntil, $1.id) }
            return Array(found.prefix(limit))
        }
    }

    // MARK: Shared writes

    static func upsertParts(_ parts: [MessagePart], in tx: PostgresTransaction) async throws {
        for part in parts { try await tx.execute(MessagePartTable.upsert, MessagePartTable.arguments(part)) }
    }
}
