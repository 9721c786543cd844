import GRDB
import HeraldCore

extension SQLiteHeraldStore: InboundStore {
    public func insertInbound(_ message: InboundMessage, optOutChange: OptOutChange?, effects: SideEffects) async throws {
        let deliveries = effects.smppDeliveries
        try await write("storing inbound message \(message.id)") { db in
            try db.cachedStatement(sql: InboundMessageTable.insert).execute(arguments: InboundMessageTable.arguments(message))
            switch optOutChange {
            case .optOut(let optOut):
                try db.cachedStatement(sql: OptOutTable.insert).execute(arguments: OptOutTable.arguments(optOut))
            case .optIn(let accountID, let number):
                try db.cachedStatement(sql: "DELETE FROM opt_outs WHERE account_id = ? AND number = ?").execute(arguments: [accountID.rawValue, number])
            case nil:
                break
            }
            try Self.insertWebhooks(effects.webhooks, in: db)
            try CustomerSMPPDeliveryTable.insert(deliveries, in: db)
            try self.auditAppender.append(effects.audit, in: db)
        }
    }

    public func inboundMessage(_ id: InboundMessageID, accountID: AccountID?) async throws -> InboundMessage? {
        try await read("reading inbound message \(id)") { db in
            let row: Row?
            if let accountID {
                row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT \(InboundMessageTable.columns) FROM inbound_messages WHERE id = ? AND account_id = ?"),
                    arguments: [id.rawValue, accountID.rawValue])
            } else {
                row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(InboundMessageTable.columns) FROM inbound_messages WHERE id = ?"), arguments: [id.rawValue])
            }
            return try row.map(InboundMessageTable.decode)
        }
    }

    public func inboundMessages(matching query: InboundQuery) async throws -> [InboundMessage] {
        guard query.limit > 0 else { return [] }
        // Walks the account's (account_id, id) index backwards; other filters are checked on the rows met.
        var conditions = ["account_id = ?"]
        var arguments: StatementArguments = [query.accountID.rawValue]
        if let cursor = query.startingAfter {
            conditions.append("id < ?")
            arguments += [cursor.rawValue]
        }
        if let from = query.from {
            conditions.append("from_number = ?")
            arguments += [from]
        }
        if let key = query.toKey {
            conditions.append("to_key = ?")
            arguments += [key]
        }
        if let start = query.receivedFrom {
            conditions.append("received_at >= ?")
            arguments += [start.millisecondsSince1970]
        }
        if let end = query.receivedBefore {
            conditions.append("received_at < ?")
            arguments += [end.millisecondsSince1970]
        }
        arguments += [query.limit]
        let sql = "SELECT \(InboundMessageTable.columns) FROM inbound_messages WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC LIMIT ?"
        return try await read("listing inbound messages") { [arguments] db in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(InboundMessageTable.decode)
        }
    }

    public func eraseInboundBodies(receivedBefore time: Timestamp, limit: Int, audit: [AuditEvent]) async throws -> Int {
        guard limit > 0 else { return 0 }
        return try await write("erasing inbound bodies") { db in
            try db.cachedStatement(sql: """
                UPDATE inbound_messages SET body = NULL, body_policy = 'erased'
                WHERE id IN (SELECT id FROM inbound_messages WHERE body_policy = 'retained' AND received_at < ? ORDER BY received_at LIMIT ?)
                """).execute(arguments: [time.millisecondsSince1970, limit])
            let erased = db.changesCount
            if erased > 0 { try self.auditAppender.append(audit, in: db) }
            return erased
        }
    }

    public func optOut(accountID: AccountID, number: String) async throws -> OptOut? {
        try await read("reading an opt-out") { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(OptOutTable.columns) FROM opt_outs WHERE account_id = ? AND number = ?"), arguments: [accountID.rawValue, number])
                .map(OptOutTable.decode)
        }
    }

    public func optOuts(accountID: AccountID, limit: Int) async throws -> [OptOut] {
        guard limit > 0 else { return [] }
        return try await read("listing opt-outs") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(OptOutTable.columns) FROM opt_outs WHERE account_id = ? ORDER BY opted_out_at DESC, number LIMIT ?"),
                arguments: [accountID.rawValue, limit]
            ).map(OptOutTable.decode)
        }
    }
}
