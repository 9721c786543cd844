import HeraldCore
import PostgresNIO

/// Column mapping of ``InboundMessage`` to the `inbound_messages` table. The keyword is stored as its
/// action (`opt_out`, `opt_in`) and word; `to_key` holds the number's lookup form for filtering.
enum InboundMessageTable {
    static let columns = "id, account_id, from_number, to_number, body, body_policy, keyword_action, keyword, link_id, received_at"

    static let insert = "INSERT INTO inbound_messages (\(columns), to_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    static func arguments(_ m: InboundMessage) -> [any PostgresBindable] {
        [
            m.id.rawValue, m.accountID.rawValue, m.from, m.to, m.bodyPolicy == .retained ? m.body : nil, m.bodyPolicy.rawValue,
            m.keyword?.action, m.keyword?.word, m.linkID, m.receivedAt.millisecondsSince1970, AssignedNumber.key(for: m.to),
        ]
    }

    static func decode(_ row: PostgresRow) throws -> InboundMessage {
        var r = PostgresRowReader(row)
        let id = InboundMessageID(unchecked: try r.next(String.self))
        let accountID = AccountID(unchecked: try r.next(String.self))
        let from: String = try r.next()
        let to: String = try r.next()
        let body: String? = try r.next()
        let policy = try r.enumeration(BodyPolicy.self, "inbound body policy")
        let action: String? = try r.next()
        let word: String? = try r.next()
        let linkID: String = try r.next()
        let receivedAt = try r.timestamp()
        let keyword: OptOutKeyword?
        switch (action, word) {
        case ("opt_out", let word?): keyword = .optOut(word)
        case ("opt_in", let word?): keyword = .optIn(word)
        case (nil, _): keyword = nil
        default: throw PostgresStoreError.corrupt("inbound keyword", action ?? "")
        }
        return InboundMessage(id: id, accountID: accountID, from: from, to: to, body: body, bodyPolicy: policy, keyword: keyword, linkID: linkID, receivedAt: receivedAt)
    }
}
