/// An approved export of one account's messages over a period: produced as JSON Lines when downloaded,
/// which the proposer or the approver may do once, before ``expiresAt``. Its id is the proposal's.
public struct MessageExport: OneTimeDownload, Equatable, Codable {
    public var id: ProposalID
    public var accountID: AccountID
    public var from: Timestamp
    public var to: Timestamp
    /// Audit actors of the proposer and the approver: the only ones who may download it.
    public var proposedBy: String
    public var approvedBy: String
    public var approvedAt: Timestamp
    public var expiresAt: Timestamp
    public var downloadedAt: Timestamp?
    public var downloadedBy: String?

    public init(
        id: ProposalID, accountID: AccountID, from: Timestamp, to: Timestamp, proposedBy: String, approvedBy: String, approvedAt: Timestamp,
        expiresAt: Timestamp, downloadedAt: Timestamp? = nil, downloadedBy: String? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.from = from
        self.to = to
        self.proposedBy = proposedBy
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.expiresAt = expiresAt
        self.downloadedAt = downloadedAt
        self.downloadedBy = downloadedBy
    }

    /// 24 hours: how long an approved export may be downloaded.
    public static let downloadWindow = Duration.seconds(86_400)
}
