import HeraldCore
import PostgresNIO

/// Column mapping of ``FraudBlock`` to the `fraud_blocks` table (columns authoritative, the rest JSON).
enum FraudBlockTable {
    static let columns = "id, account_id, prefix, network, created_at, expires_at, lifted_at, lifted_by, data"

    static let insert = "INSERT INTO fraud_blocks (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"

    static func arguments(_ b: FraudBlock) throws -> [any PostgresBindable] {
        [
            b.id.rawValue, b.accountID?.rawValue, b.prefix, b.network, b.createdAt.millisecondsSince1970, b.expiresAt.millisecondsSince1970,
            b.liftedAt?.millisecondsSince1970, b.liftedBy, try JSONText.encode(b),
        ]
    }

    static func decode(_ row: PostgresRow) throws -> FraudBlock {
        var r = PostgresRowReader(row)
        let id: String = try r.next()
        let accountID: String? = try r.next()
        let prefix: String = try r.next()
        let network: String? = try r.next()
        let createdAt = try r.timestamp()
        let expiresAt = try r.timestamp()
        let liftedAt = try r.optionalTimestamp()
        let liftedBy: String? = try r.next()
        var block = try r.json(FraudBlock.self, "fraud block")
        block.id = FraudBlockID(unchecked: id)
        block.accountID = accountID.map(AccountID.init(unchecked:))
        block.prefix = prefix
        block.network = network
        block.createdAt = createdAt
        block.expiresAt = expiresAt
        block.liftedAt = liftedAt
        block.liftedBy = liftedBy
        return block
    }
}
