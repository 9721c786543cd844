/// The kind of service a phone number belongs to, as far as the numbering plan tells.
///
/// The raw values are stable identifiers suitable for storage and APIs.
public enum PhoneNumberType: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case fixedLine = "fixed_line"
    case mobile = "mobile"
    /// The plan does not distinguish fixed-line and mobile numbers in this range (e.g. the US).
    case fixedLineOrMobile = "fixed_line_or_mobile"
    case tollFree = "toll_free"
    case premiumRate = "premium_rate"
    /// The cost is split between caller and recipient.
    case sharedCost = "shared_cost"
    case voip = "voip"
    /// A number that follows a person rather than a line (e.g. UK 070).
    case personalNumber = "personal_number"
    case pager = "pager"
    /// Universal access number: a company number routed to one of several lines.
    case uan = "uan"
    case voicemail = "voicemail"
    /// The number does not match any pattern of its region; such numbers are not valid.
    case unknown = "unknown"

    public var description: String { rawValue }
}
