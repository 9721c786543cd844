import HeraldCore

/// The ``OperatorStore`` port.
extension PostgresHeraldStore: OperatorStore {
    public func insertOperator(_ op: Operator, tokens: [OperatorToken], audit: [AuditEvent]) async throws {
        try await write("inserting operator \(op.id)") { tx in
            try await tx.execute(OperatorTable.insert, OperatorTable.arguments(op))
            for token in tokens { try await tx.execute(OperatorTokenTable.insert, OperatorTokenTable.arguments(token)) }
            try await self.auditAppender.append(audit, in: tx)
        }
    }

    public func findOperator(_ id: OperatorID) async throws -> Operator? {
        try await read("reading operator \(id)") { tx in
            try await tx.row("SELECT \(OperatorTable.columns) FROM operators WHERE id = ?", [id.rawValue]).map(OperatorTable.decode)
        }
    }

    public func operators() async throws -> [Operator] {
        try await read("listing operators") { tx in
            try await tx.rows("SELECT \(OperatorTable.columns) FROM operators ORDER BY id").map(OperatorTable.decode)
        }
    }

    /// The active admins are locked (in id order) before they are counted, so two nodes disabling the last two
    /// admins at once cannot both succeed.
    public func disableOperator(_ id: OperatorID, at time: Timestamp, audit: [AuditEvent]) async throws -> OperatorDisableOutcome {
        try await write("disabling operator \(id)") { tx in
            let activeAdmins = try await tx.rows("SELECT id FROM operators WHERE role = 'admin' AND status = 'active' ORDER BY id FOR UPDATE")
            guard let op = try await tx.row("SELECT \(OperatorTable.columns) FROM operators WHERE id = ? FOR UPDATE", [id.rawValue])
                .map(OperatorTable.decode) else { return .notFound }
            guard op.status == .active else { return .alreadyDisabled }
            if op.role == .admin, activeAdmins.count <= 1 { return .lastAdmin }
            let at = time.millisecondsSince1970
            try await tx.execute("UPDATE operators SET status = 'disabled', disabled_at = ? WHERE id = ?", [at, id.rawValue])
            try await tx.execute("UPDATE operator_tokens SET revoked_at = ? WHERE operator_id = ? AND revoked_at IS NULL", [at, id.rawValue])
            try await self.auditAppender.append(audit, in: tx)
            return .disabled
        }
    }

    /// Throws `storage_conflict` when the operator does not exist.
    public func insertOperatorToken(_ token: OperatorToken, audit: [AuditEvent]) async throws {
        try await write("inserting operator token \(token.id)") { tx in
            try await tx.execute(OperatorTokenTable.insert, OperatorTokenTable.arguments(token))
            try await self.auditAppender.append(audit, in: tx)
        }
    }

    public func operatorToken(_ id: OperatorTokenID) async throws -> OperatorToken? {
        try await read("reading operator token \(id)") { tx in
            try await tx.row("SELECT \(OperatorTokenTable.columns) FROM operator_tokens WHERE id = ?", [id.rawValue]).map(OperatorTokenTable.decode)
        }
    }

    public func operatorTokens(operatorID: OperatorID) async throws -> [OperatorToken] {
        try await read("listing tokens of \(operatorID)") { tx in
            try await tx.rows("SELECT \(OperatorTokenTable.columns) FROM operator_tokens WHERE operator_id = ? ORDER BY id", [operatorID.rawValue])
                .map(OperatorTokenTable.decode)
        }
    }

    public func revokeOperatorToken(_ id: OperatorTokenID, at time: Timestamp, audit: [AuditEvent]) async throws -> Bool {
        try await write("revoking operator token \(id)") { tx in
            guard try await tx.changes(
                "UPDATE operator_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?", [time.millisecondsSince1970, id.rawValue]) == 1 else {
                return false
            }
            try await self.auditAppender.append(audit, in: tx)
            return true
        }
    }
}
