/// Everything two-way messaging persists: SMPP access of accounts, their numbers, inbound messages and
/// opt-outs, and the customer SMPP outbox. SQLite implements all of it.
public typealias TwoWayStore = SMPPAccountStore & NumberAssignmentStore & InboundStore & CustomerSMPPDeliveryStore
