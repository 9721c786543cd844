import HeraldCore

/// The auditor API's JSON shape of a sealed-value disclosure: the request (a proposal) and, once a second
/// operator approved it, its download window.
///
/// `state` is the proposal's status while it is not approved (`pending`, `rejected`, `expired`,
/// `superseded`), then `ready`, `downloaded` or `expired` (the download window ended).
public struct AuditDisclosureResource: Sendable, Encodable {
    public var id: String
    public var object = "sealed_value_disclosure"
    public var firstIndex: UInt64
    public var endIndex: UInt64
    public var state: String
    public var requestedBy: String
    public var note: String?
    public var approvedBy: String?
    public var approvedAt: Timestamp?
    public var downloadableUntil: Timestamp?
    public var downloadedAt: Timestamp?

    enum CodingKeys: String, CodingKey {
        case id, object, state, note
        case firstIndex = "first_index"
        case endIndex = "end_index"
        case requestedBy = "requested_by"
        case approvedBy = "approved_by"
        case approvedAt = "approved_at"
        case downloadableUntil = "downloadable_until"
        case downloadedAt = "downloaded_at"
    }

    public init(_ disclosure: SealedValueDisclosure, note: String?, at time: Timestamp) {
        id = disclosure.id.rawValue
        firstIndex = disclosure.entries.lowerBound
        endIndex = disclosure.entries.upperBound
        state = disclosure.state(at: time)
        requestedBy = disclosure.requestedBy
        self.note = note
        approvedBy = disclosure.approvedBy
        approvedAt = disclosure.approvedAt
        downloadableUntil = disclosure.expiresAt
        downloadedAt = disclosure.downloadedAt
    }

    /// A request not approved (yet): its proposal's status.
    public init(request: SealedValueDisclosureRequest, proposal: Proposal, at time: Timestamp) {
        id = proposal.id.rawValue
        firstIndex = request.firstIndex
        endIndex = request.endIndex
        state = proposal.status == .pending && proposal.isExpired(at: time) ? ProposalStatus.expired.rawValue : proposal.status.rawValue
        requestedBy = proposal.proposedBy
        note = proposal.note
    }
}
