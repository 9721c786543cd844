/// Storage port for the carrier links in service. Links change only through approved proposals
/// (``ProposalStore/approveProposal(_:approver:at:audit:)``); the configuration file's links are seeded once.
public protocol CarrierLinkStore: Sendable {
    /// Every stored link, active and removed, with the set's version.
    func carrierLinks() async throws -> CarrierLinkSet
    /// The version of the link set: cheap, for nodes polling for changes. 0 before the first link.
    func carrierLinksVersion() async throws -> Int64
    /// Stores each definition whose id was never stored (removed links are not brought back), with the audit
    /// event `audit` makes for it, in one transaction; returns the ids stored.
    func seedCarrierLinks(
        _ definitions: [CarrierLinkDefinition], at time: Timestamp, audit: @escaping @Sendable (CarrierLinkDefinition) -> AuditEvent
    ) async throws -> [String]
}
