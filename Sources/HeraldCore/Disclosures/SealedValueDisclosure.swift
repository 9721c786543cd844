/// An approved disclosure of the sealed values of a range of audit entries: downloadable once, as an audit
/// bundle carrying those values, by the auditor who asked for it, before ``expiresAt``. Its id is the
/// proposal's.
public struct SealedValueDisclosure: OneTimeDownload, Equatable, Codable {
    public var id: ProposalID
    public var entries: Range<UInt64>
    /// Audit actor of the requesting auditor: the only one who may download it.
    public var requestedBy: String
    public var approvedBy: String
    public var approvedAt: Timestamp
    public var expiresAt: Timestamp
    public var downloadedAt: Timestamp?
    public var downloadedBy: String?

    public init(
        id: ProposalID, entries: Range<UInt64>, requestedBy: String, approvedBy: String, approvedAt: Timestamp, expiresAt: Timestamp,
        downloadedAt: Timestamp? = nil, downloadedBy: String? = nil
    ) {
        self.id = id
        self.entries = entries
        self.requestedBy = requestedBy
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.expiresAt = expiresAt
        self.downloadedAt = downloadedAt
        self.downloadedBy = downloadedBy
    }

    /// 24 hours: how long an approved disclosure may be downloaded.
    public static let downloadWindow = Duration.seconds(86_400)
}
