import HeraldCore
import PostgresNIO

/// Column mapping of ``MessagePart`` to the `message_parts` table.
enum MessagePartTable {
    static let columns = "message_id, sequence, link_id, carrier_message_id, lookup_key, state, submitted_at, final_at, error_code"

    /// Inserts a part, or replaces the part with the same sequence (a retried submission supersedes the older one).
    static let upsert = """
        INSERT INTO message_parts (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (message_id, sequence) DO UPDATE SET
            link_id = excluded.link_id, carrier_message_id = excluded.carrier_message_id, lookup_key = excluded.lookup_key,
            state = excluded.state, submitted_at = excluded.submitted_at, final_at = excluded.final_at, error_code = excluded.error_code
        """

    static func arguments(_ p: MessagePart) -> [any PostgresBindable] {
        [
            p.messageID.rawValue, p.sequence, p.linkID, p.carrierMessageID, p.lookupKey, p.state.rawValue,
            p.submittedAt.millisecondsSince1970, p.finalAt?.millisecondsSince1970, p.errorCode,
        ]
    }

    static func decode(_ row: PostgresRow) throws -> MessagePart {
        var r = PostgresRowReader(row)
        return MessagePart(
            messageID: MessageID(unchecked: try r.next(String.self)), sequence: try r.int(), linkID: try r.next(), carrierMessageID: try r.next(),
            lookupKey: try r.next(), state: try r.enumeration(PartState.self, "part state"), submittedAt: try r.timestamp(),
            finalAt: try r.optionalTimestamp(), errorCode: try r.next())
    }
}
