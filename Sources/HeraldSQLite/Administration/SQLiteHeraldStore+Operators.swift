import GRDB
import HeraldCore

/// The ``OperatorStore`` port.
extension SQLiteHeraldStore: OperatorStore {
    public func insertOperator(_ op: Operator, tokens: [OperatorToken], audit: [AuditEvent]) async throws {
        try await write("inserting operator \(op.id)") { db in
            try db.cachedStatement(sql: OperatorTable.insert).execute(arguments: OperatorTable.arguments(op))
            let insertToken = try db.cachedStatement(sql: OperatorTokenTable.insert)
            for token in tokens { try insertToken.execute(arguments: OperatorTokenTable.arguments(token)) }
            try self.auditAppender.append(audit, in: db)
        }
    }

    public func findOperator(_ id: OperatorID) async throws -> Operator? {
        try await read("reading operator \(id)") { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(OperatorTable.columns) FROM operators WHERE id = ?"), arguments: [id.rawValue])
                .map(OperatorTable.decode)
        }
    }

    public func operators() async throws -> [Operator] {
        try await read("listing operators") { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT \(OperatorTable.columns) FROM operators ORDER BY id")).map(OperatorTable.decode)
        }
    }

    public func disableOperator(_ id: OperatorID, at time: Timestamp, audit: [AuditEvent]) async throws -> OperatorDisableOutcome {
        try await write("disabling operator \(id)") { db in
            guard let op = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(OperatorTable.columns) FROM operators WHERE id = ?"), arguments: [id.rawValue]
            ).map(OperatorTable.decode) else { return .notFound }
            guard op.status == .active else { return .alreadyDisabled }
            if op.role == .admin {
                let admins = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM operators WHERE role = 'admin' AND status = 'active'")) ?? 0
                if admins <= 1 { return .lastAdmin }
            }
            let at = time.millisecondsSince1970
            try db.cachedStatement(sql: "UPDATE operators SET status = 'disabled', disabled_at = ? WHERE id = ?").execute(arguments: [at, id.rawValue])
            try db.cachedStatement(sql: "UPDATE operator_tokens SET revoked_at = ? WHERE operator_id = ? AND revoked_at IS NULL")
                .execute(arguments: [at, id.rawValue])
            try self.auditAppender.append(audit, in: db)
            return .disabled
        }
    }

    /// Throws `storage_conflict` when the operator does not exist.
    public func insertOperatorToken(_ token: OperatorToken, audit: [AuditEvent]) async throws {
        try await write("inserting operator token \(token.id)") { db in
            try db.cachedStatement(sql: OperatorTokenTable.insert).execute(arguments: OperatorTokenTable.arguments(token))
            try self.auditAppender.append(audit, in: db)
        }
    }

    public func operatorToken(_ id: OperatorTokenID) async throws -> OperatorToken? {
        try await read("reading operator token \(id)") { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(OperatorTokenTable.columns) FROM operator_tokens WHERE id = ?"), arguments: [id.rawValue])
                .map(OperatorTokenTable.decode)
        }
    }

    public func operatorTokens(operatorID: OperatorID) async throws -> [OperatorToken] {
        try await read("listing tokens of \(operatorID)") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(OperatorTokenTable.columns) FROM operator_tokens WHERE operator_id = ? ORDER BY id"),
                arguments: [operatorID.rawValue]
            ).map(OperatorTokenTable.decode)
        }
    }

    public func revokeOperatorToken(_ id: OperatorTokenID, at time: Timestamp, audit: [AuditEvent]) async throws -> Bool {
        try await write("revoking operator token \(id)") { db in
            try db.cachedStatement(sql: "UPDATE operator_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?")
                .execute(arguments: [time.millisecondsSince1970, id.rawValue])
            guard db.changesCount == 1 else { return false }
            try self.auditAppender.append(audit, in: db)
            return true
        }
    }
}
