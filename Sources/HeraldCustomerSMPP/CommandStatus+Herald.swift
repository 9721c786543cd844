import SMPP

/// Herald's SMSC-vendor-specific `command_status` values (SMPP 3.4 reserves 0x400-0x4FF for them), for
/// refusals the standard codes cannot express. Listed in docs/customer-smpp.md.
extension CommandStatus {
    /// 0x400: refused by Herald's policy (a reason without a code of its own, e.g. a fraud-guard block).
    public static let heraldPolicyRefused = CommandStatus(rawValue: 0x0400)
    /// 0x401: the recipient opted out of the account's messages (sent STOP); they opt back in with START.
    public static let heraldRecipientOptedOut = CommandStatus(rawValue: 0x0401)
    /// 0x402: the account may not send to the destination's country.
    public static let heraldCountryNotPermitted = CommandStatus(rawValue: 0x0402)
    /// 0x403: the account is suspended.
    public static let heraldAccountSuspended = CommandStatus(rawValue: 0x0403)
}
