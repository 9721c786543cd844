import GRDB
import HeraldCore

extension SQLiteHeraldStore {
    /// Concurrent calls share transactions (see ``SQLiteStoreConfiguration/maximumGroupCommit``); each call is
    /// still all-or-nothing and returns only once committed.
    public func insertMessages(_ messages: [Message], idempotency: IdempotencyRecord?, webhooks: [WebhookDelivery], audit: [AuditEvent]) async throws -> InsertOutcome {
        do {
            return try await inserts.submit(InsertRequest(messages: messages, idempotency: idempotency, webhooks: webhooks, audit: audit))
        } catch {
            throw SQLiteStoreError.translate(error, operation: "inserting \(messages.count) message(s)")
        }
    }

    /// One insertion, inside its own savepoint of a (possibly shared) transaction.
    @Sendable
    static func insert(in db: Database, _ request: InsertRequest, audit: AuditAppender) throws -> InsertOutcome {
        if let record = request.idempotency {
            try db.cachedStatement(sql: IdempotencyTable.insertUnlessLive).execute(arguments: IdempotencyTable.arguments(record))
            if db.changesCount == 0 {
                // The key is taken by a live record: store nothing else and answer with it.
                let existing = try Row.fetchOne(db.cachedStatement(sql: IdempotencyTable.select), arguments: [record.accountID.rawValue, record.key])
                guard let existing else { throw HeraldError(.internal, code: SQLiteStoreError.failureCode, "idempotency record vanished during insert") }
                return .replay(try IdempotencyTable.decode(existing))
            }
        }
        let insert = try db.cachedStatement(sql: MessageTable.insert)
        for message in request.messages { try insert.execute(arguments: MessageTable.insertArguments(message)) }
        try insertWebhooks(request.webhooks, in: db)
        try audit.append(request.audit, in: db)
        return .inserted
    }

    public func idempotencyRecord(accountID: AccountID, key: String) async throws -> IdempotencyRecord? {
        try await read("reading an idempotency record") { db in
            try Row.fetchOne(db.cachedStatement(sql: IdempotencyTable.select), arguments: [accountID.rawValue, key]).map(IdempotencyTable.decode)
        }
    }

    public func deleteExpiredIdempotencyRecords(now: Timestamp) async throws -> Int {
        try await write("deleting expired idempotency records") { db in
            try db.cachedStatement(sql: "DELETE FROM idempotency_records WHERE expires_at <= ?").execute(arguments: [now.millisecondsSince1970])
            return db.changesCount
        }
    }

    // MARK: Reading messages

    public func message(_ id: MessageID, accountID: AccountID?) async throws -> Message? {
        try await read("reading message \(id)") { db in
            let row: Row?
            if let accountID {
                row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT \(MessageTable.columns) FROM messages WHERE id = ? AND account_id = ?"),
                    arguments: [id.rawValue, accountID.rawValue])
            } else {
                row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(MessageTable.columns) FROM messages WHERE id = ?"), arguments: [id.rawValue])
            }
            return try row.map { try MessageTable.decode($0) }
        }
    }

    /// Parts by sequence number.
    public func parts(of id: MessageID) async throws -> [MessagePart] {
        try await read("reading parts of \(id)") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(MessagePartTable.columns) FROM message_parts WHERE message_id = ? ORDER BY sequence"),
                arguments: [id.rawValue]
            ).map(MessagePartTable.decode)
        }
    }

    public func messages(matching query: MessageQuery) async throws -> [Message] {
        guard query.limit > 0 else { return [] }
        // Walk the account's (account_id, id) index backwards; the other filters are checked on the rows met.
        // (The unary `+` keeps SQLite from choosing the status index, which ignores the account.)
        var conditions = ["account_id = ?"]
        var arguments: StatementArguments = [query.accountID.rawValue]
        if let cursor = query.startingAfter {
            conditions.append("id < ?")
            arguments += [cursor.rawValue]
        }
        if !query.statuses.isEmpty {
            conditions.append("+status IN (SELECT value FROM json_each(?))")
            arguments += [try JSONText.encode(query.statuses.map(\.rawValue).sorted())]
        }
        if let to = query.to {
            conditions.append("to_number = ?")
            arguments += [to]
        }
        if let reference = query.clientReference {
            conditions.append("client_reference = ?")
            arguments += [reference]
        }
        if let from = query.createdFrom {
            conditions.append("created_at >= ?")
            arguments += [from.millisecondsSince1970]
        }
        if let before = query.createdBefore {
            conditions.append("created_at < ?")
            arguments += [before.millisecondsSince1970]
        }
        arguments += [query.limit]
        let sql = "SELECT \(MessageTable.columns) FROM messages WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC LIMIT ?"
        return try await read("listing messages") { [arguments] db in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { try MessageTable.decode($0) }
        }
    }

    public func messageCountsByStatus() async throws -> [MessageStatus: Int] {
        try await read("counting messages") { db in
            var counts: [MessageStatus: Int] = [:]
            let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT status, count(*) FROM messages GROUP BY status"))
            while let row = try rows.next() {
                var reader = RowReader(row)
                let status = try reader.enumeration(MessageStatus.self, "message status")
                counts[status] = try reader.next(Int.self)
            }
            return counts
        }
    }

    // MARK: Writing results

    public func saveMessageUpdates(_ updates: [MessageUpdate]) async throws -> [Bool] {
        guard !updates.isEmpty else { return [] }
        return try await write("saving \(updates.count) message update(s)") { db in
            let update = try db.cachedStatement(sql: MessageTable.updateIfVersion)
            var written: [Bool] = []
            written.reserveCapacity(updates.count)
            for change in updates {
                try update.execute(arguments: MessageTable.updateArguments(change.message))
                guard db.changesCount == 1 else {
                    written.append(false)
                    continue
                }
                try Self.upsertParts(change.newParts, in: db)
                try Self.insertWebhooks(change.effects.webhooks, in: db)
                try CustomerSMPPDeliveryTable.insert(change.effects.smppDeliveries, in: db)
                try self.auditAppender.append(change.effects.audit, in: db)
                written.append(true)
            }
            return written
        }
    }

    /// Erased bodies are recorded by `audit` only when at least one body was erased. The `body` sealed values
    /// of the messages' `message.accept` audit entries are erased in the same transaction.
    public func eraseBodies(createdBefore time: Timestamp, limit: Int, audit: [AuditEvent]) async throws -> [MessageID] {
        guard limit > 0 else { return [] }
        return try await write("erasing message bodies") { db in
            let ids = try String.fetchAll(
                db.cachedStatement(sql: """
                    UPDATE messages SET body = NULL, body_policy = 'erased'
                    WHERE id IN (SELECT id FROM messages WHERE body_policy = 'retained' AND created_at < ? ORDER BY created_at LIMIT ?)
                    RETURNING id
                    """),
                arguments: [time.millisecondsSince1970, limit])
            if !ids.isEmpty {
                try AuditSealedValueTable.eraseBodies(of: ids, in: db)
                try self.auditAppender.append(audit, in: db)
            }
            return ids.sorted().map(MessageID.init(unchecked:))
        }
    }

    public func expirableMessages(now: Timestamp, receiptGrace: Duration, limit: Int) async throws -> [Message] {
        guard limit > 0 else { return [] }
        let receiptCutoff = now.adding(.zero - receiptGrace)
        return try await read("selecting expirable messages") { db in
            let select = try db.cachedStatement(sql: """
                SELECT \(MessageTable.columns) FROM messages
                WHERE status = ? AND valid_until <= ? AND (lease_until IS NULL OR lease_until <= ?)
                ORDER BY valid_until LIMIT ?
                """)
            var found: [Message] = []
            for (status, cutoff) in [(MessageStatus.accepted, now), (.queued, now), (.submitted, receiptCutoff)] {
                let rows = try Row.fetchAll(select, arguments: [status.rawValue, cutoff.millisecondsSince1970, now.millisecondsSince1970, limit])
                found += try rows.map { try MessageTable.decode($0) }
            }
            found.sort { ($0.validUntil, $0.id) < ($1.validUntil, $1.id) }
            return Array(found.prefix(limit))
        }
    }

    // MARK: Shared writes

    static func upsertParts(_ parts: [MessagePart], in db: Database) throws {
        guard !parts.isEmpty else { return }
        let upsert = try db.cachedStatement(sql: MessagePartTable.upsert)
        for part in parts { try upsert.execute(arguments: MessagePartTable.arguments(part)) }
    }

    static func insertWebhooks(_ webhooks: [WebhookDelivery], in db: Database) throws {
        guard !webhooks.isEmpty else { return }
        let insert = try db.cachedStatement(sql: WebhookDeliveryTable.insert)
        for webhook in webhooks { try insert.execute(arguments: WebhookDeliveryTable.insertArguments(webhook)) }
    }
}
