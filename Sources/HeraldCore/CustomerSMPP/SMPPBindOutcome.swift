/// The answer of ``SMPPAccountService/authenticate(_:reserve:)``.
public enum SMPPBindOutcome: Sendable {
    /// The bind is accepted for this account with these SMPP settings.
    case accepted(Account, SMPPAccount)
    case denied(SMPPBindDenial)
}
