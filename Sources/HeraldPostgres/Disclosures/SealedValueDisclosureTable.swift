import HeraldCore
import PostgresNIO

/// Column mapping of ``SealedValueDisclosure`` to the `sealed_value_disclosures` table.
enum SealedValueDisclosureTable {
    static let columns = "id, first_index, end_index, requested_by, approved_by, approved_at, expires_at, downloaded_at, downloaded_by"

    static let insert = "INSERT INTO sealed_value_disclosures (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"

    static func arguments(_ d: SealedValueDisclosure) -> [any PostgresBindable] {
        [
            d.id.rawValue, Int64(d.entries.lowerBound), Int64(d.entries.upperBound), d.requestedBy, d.approvedBy, d.approvedAt.millisecondsSince1970,
            d.expiresAt.millisecondsSince1970, d.downloadedAt?.millisecondsSince1970, d.downloadedBy,
        ]
    }

    static func decode(_ row: PostgresRow) throws -> SealedValueDisclosure {
        var r = PostgresRowReader(row)
        let id = ProposalID(unchecked: try r.next(String.self))
        let first = try r.next(Int64.self)
        let end = try r.next(Int64.self)
        return SealedValueDisclosure(
            id: id, entries: UInt64(max(0, first))..<UInt64(max(first, end)), requestedBy: try r.next(), approvedBy: try r.next(),
            approvedAt: try r.timestamp(), expiresAt: try r.timestamp(), downloadedAt: try r.optionalTimestamp(), downloadedBy: try r.next())
    }
}
