import HeraldCore

/// The admin API's JSON shape of an approved message export.
public struct MessageExportResource: Sendable, Encodable {
    public var id: String
    public var object = "message_export"
    public var accountID: String
    public var from: Timestamp
    public var to: Timestamp
    /// `ready`, `downloaded` or `expired`.
    public var state: String
    public var proposedBy: String
    public var approvedBy: String
    public var approvedAt: Timestamp
    public var expiresAt: Timestamp
    public var downloadedAt: Timestamp?
    public var downloadedBy: String?

    enum CodingKeys: String, CodingKey {
        case id, object
        case accountID = "account_id"
        case from, to, state
        case proposedBy = "proposed_by"
        case approvedBy = "approved_by"
        case approvedAt = "approved_at"
        case expiresAt = "expires_at"
        case downloadedAt = "downloaded_at"
        case downloadedBy = "downloaded_by"
    }

    public init(_ export: MessageExport, at time: Timestamp) {
        id = export.id.rawValue
        accountID = export.accountID.rawValue
        from = export.from
        to = export.to
        state = export.state(at: time)
        proposedBy = export.proposedBy
        approvedBy = export.approvedBy
        approvedAt = export.approvedAt
        expiresAt = export.expiresAt
        downloadedAt = export.downloadedAt
        downloadedBy = export.downloadedBy
    }
}
