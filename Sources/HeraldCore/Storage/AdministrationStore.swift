/// Everything operator administration persists: operators and tokens, proposals, carrier links, approved
/// retention and message exports, plus the accounts and routes approvals change. One backend implements all
/// of it, so an approval can apply any change in the proposal's own transaction.
public typealias AdministrationStore = OperatorStore & ProposalStore & CarrierLinkStore & RetentionStore & MessageExportStore & SealedValueDisclosureStore
    & AccountStore & RouteStore & AuditQueueStore
