import HeraldCore

extension PostgresHeraldStore: InboundStore {
    public func insertInbound(_ message: InboundMessage, optOutChange: OptOutChange?, effects: SideEffects) async throws {
        try await write("storing inbound message \(message.id)") { tx in
            try await tx.execute(InboundMessageTable.insert, InboundMessageTable.arguments(message))
            switch optOutChange {
            case .optOut(let optOut):
                try await tx.execute(OptOutTable.insert, OptOutTable.arguments(optOut))
            case .optIn(let accountID, let number):
                try await tx.execute("DELETE FROM opt_outs WHERE account_id = ? AND number = ?", [accountID.rawValue, number])
            case nil:
                break
            }
            try await WebhookDeliveryTable.insert(effects.webhooks, in: tx)
            try await CustomerSMPPDeliveryTable.insert(effects.smppDeliveries, in: tx)
            try await self.auditAppender.append(effects.audit, in: tx)
        }
    }

    public func inboundMessage(_ id: InboundMessageID, accountID: AccountID?) async throws -> InboundMessage? {
        try await read("reading inbound message \(id)") { tx in
            if let accountID {
                return try await tx.row(
                    "SELECT \(InboundMessageTable.columns) FROM inbound_messages WHERE id = ? AND account_id = ?", [id.rawValue, accountID.rawValue]
                ).map(InboundMessageTable.decode)
            }
            return try await tx.row("SELECT \(InboundMessageTable.columns) FROM inbound_messages WHERE id = ?", [id.rawValue]).map(InboundMessageTable.decode)
        }
    }

    public func inboundMessages(matching query: InboundQuery) async throws -> [InboundMessage] {
        guard query.limit > 0 else { return [] }
        var conditions = ["account_id = ?"]
        var arguments: [any PostgresBindable] = [query.accountID.rawValue]
        if let cursor = query.startingAfter {
            conditions.append("id < ?")
            arguments.append(cursor.rawValue)
        }
        if let from = query.from {
            conditions.append("from_number = ?")
            arguments.append(from)
        }
        if let key = query.toKey {
            conditions.append("to_key = ?")
            arguments.append(key)
        }
        if let start = query.receivedFrom {
            conditions.append("received_at >= ?")
            arguments.append(start.millisecondsSince1970)
        }
        if let end = query.receivedBefore {
            conditions.append("received_at < ?")
            arguments.append(end.millisecondsSince1970)
        }
        arguments.append(query.limit)
        let sql = "SELECT \(InboundMessageTable.columns) FROM inbound_messages WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC LIMIT ?"
        let bound = arguments
        return try await read("listing inbound messages") { tx in try await tx.rows(sql, bound).map(InboundMessageTable.decode) }
    }

    public func eraseInboundBodies(receivedBefore time: Timestamp, limit: Int, audit: [AuditEvent]) async throws -> Int {
        guard limit > 0 else { return 0 }
        return try await write("erasing inbound bodies") { tx in
            let erased = try await tx.changes("""
                UPDATE inbound_messages SET body = NULL, body_policy = 'erased'
                WHERE id IN (
                    SELECT id FROM inbound_messages WHERE body_policy = 'retained' AND received_at < ? ORDER BY received_at LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                """, [time.millisecondsSince1970, limit])
            if erased > 0 { try await self.auditAppender.append(audit, in: tx) }
            return erased
        }
    }

    public func optOut(accountID: AccountID, number: String) async throws -> OptOut? {
        try await read("reading an opt-out") { tx in
            try await tx.row("SELECT \(OptOutTable.columns) FROM opt_outs WHERE account_id = ? AND number = ?", [accountID.rawValue, number])
                .map(OptOutTable.decode)
        }
    }

    public func optOuts(accountID: AccountID, limit: Int) async throws -> [OptOut] {
        guard limit > 0 else { return [] }
        return try await read("listing opt-outs") { tx in
            try await tx.rows(
                "SELECT \(OptOutTable.columns) FROM opt_outs WHERE account_id = ? ORDER BY opted_out_at DESC, number LIMIT ?", [accountID.rawValue, limit]
            ).map(OptOutTable.decode)
        }
    }
}
