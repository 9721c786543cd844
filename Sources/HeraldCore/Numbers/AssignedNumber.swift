/// A phone number or short code that belongs to an account: mobile-originated messages sent to it are
/// routed to that account.
public struct AssignedNumber: Sendable, Equatable, Codable {
    /// As assigned: E.164 (`+4915123456789`) for long numbers, digits for short codes (`72345`).
    public var number: String
    public var accountID: AccountID
    public var assignedAt: Timestamp

    public init(number: String, accountID: AccountID, assignedAt: Timestamp) {
        self.number = number
        self.accountID = accountID
        self.assignedAt = assignedAt
    }

    /// The lookup form of `number`: its digits without `+` or separators, so that the E.164 form (`+4915…`)
    /// and the international digits a carrier writes (`4915…`) meet. Short codes are their digits.
    public var key: String { Self.key(for: number) }

    /// The lookup form of a number or short code as written or as a carrier sent it.
    public static func key(for text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }.map(Character.init))
    }
}
