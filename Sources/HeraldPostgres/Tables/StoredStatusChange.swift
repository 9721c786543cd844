import HeraldCore

/// A ``StatusChange`` as kept in the `history` column: the time as integer milliseconds (the SQLite store's
/// format, so the two hold the same text).
struct StoredStatusChange: Codable, Sendable {
    var status: String
    var at: Int64
    var detail: String?

    init(_ change: StatusChange) {
        status = change.status.rawValue
        at = change.at.millisecondsSince1970
        detail = change.detail
    }

    func statusChange() throws -> StatusChange {
        guard let status = MessageStatus(rawValue: status) else { throw PostgresStoreError.corrupt("message status", status) }
        return StatusChange(status: status, at: Timestamp(millisecondsSince1970: at), detail: detail)
    }
}
