import HeraldCore

/// The admin API's JSON shape of a number or short code assigned to an account.
public struct AssignedNumberResource: Sendable, Encodable {
    public var object = "assigned_number"
    /// E.164 (`+4915123456789`) or a short code's digits (`72345`).
    public var number: String
    public var accountID: String
    public var assignedAt: Timestamp

    enum CodingKeys: String, CodingKey {
        case object, number
        case accountID = "account_id"
        case assignedAt = "assigned_at"
    }

    public init(_ assignment: AssignedNumber) {
        number = assignment.number
        accountID = assignment.accountID.rawValue
        assignedAt = assignment.assignedAt
    }
}
