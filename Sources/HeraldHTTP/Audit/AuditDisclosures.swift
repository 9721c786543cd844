import HeraldCore

/// What the disclosure routes of the auditor API need: proposals (a disclosure is one) and the approved
/// disclosures.
public struct AuditDisclosures: Sendable {
    public var proposals: ProposalService
    public var disclosures: SealedValueDisclosureService

    public init(proposals: ProposalService, disclosures: SealedValueDisclosureService) {
        self.proposals = proposals
        self.disclosures = disclosures
    }
}
