/// A change of a handset's opt-out state, stored with the inbound message that caused it.
public enum OptOutChange: Sendable, Equatable {
    /// Record (or keep) the opt-out.
    case optOut(OptOut)
    /// Lift the opt-out of `number` for `accountID`, if any.
    case optIn(accountID: AccountID, number: String)
}
