import HeraldCore

extension PostgresHeraldStore {
    /// Finds the parts named by a batch of receipts in one statement: each probe (receipt index, link, one of
    /// its lookup keys) comes from three parallel arrays; the join runs on the `(link_id, lookup_key)` index.
    static let matchParts = """
        SELECT probe.r, part.message_id, part.submitted_at
        FROM unnest(?::bigint[], ?::text[], ?::text[]) AS probe(r, l, k)
        JOIN message_parts AS part ON part.link_id = probe.l AND part.lookup_key = probe.k
        """

    /// The matched messages, locked in id order: receipts for one message arriving on two nodes apply one
    /// after the other, each on the other's result.
    static let selectMessages = "SELECT \(MessageTable.columns) FROM messages WHERE id = ANY(?) ORDER BY id FOR UPDATE"

    static let selectParts = "SELECT \(MessagePartTable.columns) FROM message_parts WHERE message_id = ANY(?) ORDER BY message_id, sequence"

    /// The whole batch is one transaction with a constant number of reads (match, messages, parts). A receipt
    /// that names parts of several messages (a carrier reusing ids) applies to the most recently submitted one.
    public func applyReceipts(
        _ receipts: [ReceiptRecord],
        apply: @escaping @Sendable (_ message: inout Message, _ parts: inout [MessagePart], _ receipt: ReceiptRecord) -> SideEffects
    ) async throws -> [Bool] {
        guard !receipts.isEmpty else { return [] }
        var probeReceipts: [Int64] = []
        var probeLinks: [String] = []
        var probeKeys: [String] = []
        for (index, receipt) in receipts.enumerated() {
            for key in Set(receipt.lookupKeys).sorted() {
                probeReceipts.append(Int64(index))
                probeLinks.append(receipt.linkID)
                probeKeys.append(key)
            }
        }
        let probes: [any PostgresBindable] = [probeReceipts, probeLinks, probeKeys]
        return try await write("applying \(receipts.count) receipt(s)") { tx in
            // 1. Which message each receipt belongs to.
            var best: [Int: (submittedAt: Int64, messageID: String)] = [:]
            for row in try await tx.rows(Self.matchParts, probes) {
                var reader = PostgresRowReader(row)
                let index = try reader.int()
                let messageID: String = try reader.next()
                let submittedAt: Int64 = try reader.next()
                if let current = best[index], (current.submittedAt, current.messageID) >= (submittedAt, messageID) { continue }
                best[index] = (submittedAt, messageID)
            }

            // 2. Those messages (locked) with all their parts, in two reads.
            var loaded: [MessageID: LoadedMessage] = [:]
            if !best.isEmpty {
                let ids = Set(best.values.map(\.messageID)).sorted()
                for row in try await tx.rows(Self.selectMessages, [ids]) {
                    let message = try MessageTable.decode(row)
                    loaded[message.id] = LoadedMessage(original: message)
                }
                for row in try await tx.rows(Self.selectParts, [ids]) {
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
            for id in order {
                guard let entry = loaded[id] else { continue }
                var message = entry.message
                message.version = entry.original.version
                if message != entry.original {
                    try await tx.execute(MessageTable.updateIfVersion, try MessageTable.updateArguments(message))
                }
                try await Self.upsertParts(entry.changedParts, in: tx)
            }
            try await WebhookDeliveryTable.insert(effects.webhooks, in: tx)
            try await CustomerSMPPDeliveryTable.insert(effects.smppDeliveries, in: tx)

            // 5. Park what matched nothing; forget parked copies of what matched.
            for (receipt, wasMatched) in zip(receipts, matched) where !wasMatched {
                try await tx.execute(PendingReceiptTable.park, try PendingReceiptTable.arguments(receipt))
            }
            for (receipt, wasMatched) in zip(receipts, matched) where wasMatched {
                try await tx.execute(
                    "DELETE FROM pending_receipts WHERE link_id = ? AND carrier_message_id = ? AND state = ?",
                    [receipt.linkID, receipt.carrierMessageID, receipt.state.rawValue])
            }
            try await self.auditAppender.append(effects.audit, in: tx)
            return matched
        }
    }

    public func pendingReceipts(limit: Int) async throws -> [ReceiptRecord] {
        guard limit > 0 else { return [] }
        return try await read("reading parked receipts") { tx in
            try await tx.rows("SELECT \(PendingReceiptTable.columns) FROM pending_receipts ORDER BY received_at, id LIMIT ?", [limit])
                .map(PendingReceiptTable.decode)
        }
    }

    public func deletePendingReceipts(receivedBefore time: Timestamp) async throws -> Int {
        try await write("deleting parked receipts") { tx in
            try await tx.changes("DELETE FROM pending_receipts WHERE received_at < ?", [time.millisecondsSince1970])
        }
    }
}
