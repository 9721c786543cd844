import GRDB
import HeraldCore

extension SQLiteHeraldStore {
    /// Finds the parts named by a batch of receipts in one statement: each probe is a receipt index, its link and
    /// one of its lookup keys; the join runs on the `(link_id, lookup_key)` index.
    static let matchParts = """
        SELECT json_extract(probe.value, '$.r'), part.message_id, part.submitted_at
        FROM json_each(?) AS probe
        JOIN message_parts AS part
            ON part.link_id = json_extract(probe.value, '$.l') AND part.lookup_key = json_extract(probe.value, '$.k')
        """

    static let selectMessages = "SELECT \(MessageTable.columns) FROM messages WHERE id IN (SELECT value FROM json_each(?))"

    static let selectParts = """
        SELECT \(MessagePartTable.columns) FROM message_parts WHERE message_id IN (SELECT value FROM json_each(?))
        ORDER BY message_id, sequence
        """

    /// The whole batch is one transaction with a constant number of reads (match, messages, parts); writes are
    /// one cached statement per changed row. A receipt that names parts of several messages (a carrier reusing
    /// ids) applies to the most recently submitted one.
    public func applyReceipts(
        _ receipts: [ReceiptRecord],
        apply: @escaping @Sendable (_ message: inout Message, _ parts: inout [MessagePart], _ receipt: ReceiptRecord) -> SideEffects
    ) async throws -> [Bool] {
        guard !receipts.isEmpty else { return [] }
        let probes = receipts.enumerated().flatMap { index, receipt in
            Set(receipt.lookupKeys).sorted().map { ReceiptProbe(r: index, l: receipt.linkID, k: $0) }
        }
        let probeJSON = try JSONText.encode(probes)
        return try await write("applying \(receipts.count) receipt(s)") { db in
            // 1. Which message each receipt belongs to.
            var best: [Int: (submittedAt: Int64, messageID: String)] = [:]
            let matches = try Row.fetchCursor(db.cachedStatement(sql: Self.matchParts), arguments: [probeJSON])
            while let row = try matches.next() {
                var reader = RowReader(row)
                let index: Int = try reader.next()
                let messageID: String = try reader.next()
                let submittedAt: Int64 = try reader.next()
                if let current = best[index], (current.submittedAt, current.messageID) >= (submittedAt, messageID) { continue }
                best[index] = (submittedAt, messageID)
            }

            // 2. Those messages with all their parts, in two reads.
            var loaded: [MessageID: LoadedMessage] = [:]
            if !best.isEmpty {
                let ids = try JSONText.encode(Set(best.values.map(\.messageID)).sorted())
                for row in try Row.fetchAll(db.cachedStatement(sql: Self.selectMessages), arguments: [ids]) {
                    let message = try MessageTable.decode(row)
                    loaded[message.id] = LoadedMessage(original: message)
                }
                for row in try Row.fetchAll(db.cachedStatement(sql: Self.selectParts), arguments: [ids]) {
                    let part = try MessagePartTable.decode(row)
                    loaded[part.messageID]?.add(part)
                }
            }

            // 3. Domain logic, receipt by receipt (several receipts of one message see each other's effects).
            var matched: [Bool] = []
            var order: [MessageID] = []
            var effects = SideEffects()
            for (index, receipt) in receipts.enumerated() {
                guard let id = best[index].map({ MessageID(unchecked: $0.messageID) }), var entry = loaded[id] else {
                    matched.append(false)
                    continue
                }
                if !entry.touched { order.append(id) }
                entry.touched = true
                effects.append(apply(&entry.message, &entry.parts, receipt))
                loaded[id] = entry
                matched.append(true)
            }

            // 4. Changed messages and parts, then their side effects.
            let update = try db.cachedStatement(sql: MessageTable.updateIfVersion)
            for id in order {
                guard let entry = loaded[id] else { continue }
                var message = entry.message
                message.version = entry.original.version
                if message != entry.original {
                    try update.execute(arguments: MessageTable.updateArguments(message))
                }
                try Self.upsertParts(entry.changedParts, in: db)
            }
            try Self.insertWebhooks(effects.webhooks, in: db)
            try CustomerSMPPDeliveryTable.insert(effects.smppDeliveries, in: db)
            try self.auditAppender.append(effects.audit, in: db)

            // 5. Park what matched nothing; forget parked copies of what matched.
            let park = try db.cachedStatement(sql: PendingReceiptTable.park)
            for (receipt, wasMatched) in zip(receipts, matched) where !wasMatched {
                try park.execute(arguments: PendingReceiptTable.arguments(receipt))
            }
            if matched.contains(true), try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM pending_receipts)")) == true {
                let unpark = try db.cachedStatement(sql: "DELETE FROM pending_receipts WHERE link_id = ? AND carrier_message_id = ? AND state = ?")
                for (receipt, wasMatched) in zip(receipts, matched) where wasMatched {
                    try unpark.execute(arguments: [receipt.linkID, receipt.carrierMessageID, receipt.state.rawValue])
                }
            }
            return matched
        }
    }

    public func pendingReceipts(limit: Int) async throws -> [ReceiptRecord] {
        guard limit > 0 else { return [] }
        return try await read("reading parked receipts") { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(PendingReceiptTable.columns) FROM pending_receipts ORDER BY received_at, id LIMIT ?"),
                arguments: [limit]
            ).map(PendingReceiptTable.decode)
        }
    }

    public func deletePendingReceipts(receivedBefore time: Timestamp) async throws -> Int {
        try await write("deleting parked receipts") { db in
            try db.cachedStatement(sql: "DELETE FROM pending_receipts WHERE received_at < ?").execute(arguments: [time.millisecondsSince1970])
            return db.changesCount
        }
    }
}
