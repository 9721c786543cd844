/// Storage port for approved sealed-value disclosures (created by the approval of an
/// `audit.sealed_values_disclose` proposal).
public protocol SealedValueDisclosureStore: Sendable {
    func sealedValueDisclosure(_ id: ProposalID) async throws -> SealedValueDisclosure?
    /// Disclosures newest first, at most `limit`.
    func sealedValueDisclosures(limit: Int) async throws -> [SealedValueDisclosure]
    /// Marks a disclosure downloaded by `actor` if it was not yet and has not expired, storing `audit` in the
    /// same transaction; `false` (storing nothing) otherwise.
    func claimSealedValueDisclosure(_ id: ProposalID, by actor: String, at time: Timestamp, audit: [AuditEvent]) async throws -> Bool
}
