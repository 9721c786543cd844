/// A number or number range an account vouches for: the fraud guard neither blocks nor counts sends to it.
///
/// `value` is either a full number (`+4915123456789`) or a range written as leading digits and a star
/// (`+4915123*`).
public struct SafeListEntry: Sendable, Equatable, Codable {
    public var accountID: AccountID
    public var value: String
    public var note: String?
    public var createdAt: Timestamp

    public init(accountID: AccountID, value: String, note: String? = nil, createdAt: Timestamp) {
        self.accountID = accountID
        self.value = value
        self.note = note
        self.createdAt = createdAt
    }

    public var isPrefix: Bool { value.hasSuffix("*") }

    /// True when `e164` is this number or lies in this range.
    public func matches(e164: String) -> Bool {
        isPrefix ? e164.hasPrefix(value.dropLast()) : e164 == value
    }

    /// Checks and normalises a customer-supplied entry: `+` and 1–15 digits, optionally ending in `*`
    /// (a range must have at least 3 digits; a full number 8 to 15).
    public static func normalize(_ text: String) throws -> String {
        let trimmed = text.filter { !" -().".contains($0) }
        let isPrefix = trimmed.hasSuffix("*")
        let body = isPrefix ? trimmed.dropLast() : Substring(trimmed)
        let digits = body.dropFirst()
        let valid = body.hasPrefix("+") && digits.allSatisfy { $0.isASCII && $0.isNumber } && digits.first != "0"
            && (isPrefix ? (3...14).contains(digits.count) : (8...15).contains(digits.count))
        guard valid else {
            throw HeraldError.invalid(
                "invalid_safe_list_entry", "a safe-list entry is a number in E.164 form (+4915123456789) or a range of at least 3 digits ending in '*' (+4915123*)",
                field: "value")
        }
        return trimmed
    }
}
