/// Something an approved proposal lets named operators download once, before ``expiresAt``: a message
/// export, a disclosure of sealed audit values. Its id is the proposal's.
public protocol OneTimeDownload: Sendable {
    var id: ProposalID { get }
    var expiresAt: Timestamp { get }
    var downloadedAt: Timestamp? { get set }
    var downloadedBy: String? { get set }
}

extension OneTimeDownload {
    /// `ready`, `downloaded` or `expired`.
    public func state(at time: Timestamp) -> String {
        if downloadedAt != nil { return "downloaded" }
        return time < expiresAt ? "ready" : "expired"
    }
}
