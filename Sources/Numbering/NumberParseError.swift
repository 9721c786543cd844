/// Why an input could not be parsed as a phone number.
///
/// Every case has a stable ``code`` for APIs and logs and a human ``message``.
///
/// ```swift
/// do {
///     _ = try NumberingPlan.shared.parse("0151 2345", defaultRegion: nil)
/// } catch {
///     print(error.code)   // "missing_region"
/// }
/// ```
public enum NumberParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input is empty or only white space.
    case empty
    /// The input contains a character that cannot be part of a phone number, such as a letter.
    /// `offset` counts Unicode scalars from the start of the input.
    case invalidCharacter(Character, offset: Int)
    /// The input does not look like a phone number (too few digits, a `+` in the middle, …).
    case notANumber
    /// The number is written in national form but no default region was given.
    case missingDefaultRegion
    /// The default region is not a region code known to the metadata.
    case unknownRegion(String)
    /// The digits after `+` or the international prefix do not start with an assigned calling code.
    case invalidCountryCode
    /// After the international prefix there are too few digits for a number.
    case tooShortAfterInternationalPrefix
    /// The national number has fewer than two digits.
    case tooShort
    /// The input or the national number is longer than any phone number can be.
    case tooLong

    /// A stable identifier of the error kind.
    public var code: String {
        switch self {
        case .empty: "empty"
        case .invalidCharacter: "invalid_character"
        case .notANumber: "not_a_number"
        case .missingDefaultRegion: "missing_region"
        case .unknownRegion: "unknown_region"
        case .invalidCountryCode: "invalid_country_code"
        case .tooShortAfterInternationalPrefix: "too_short_after_idd"
        case .tooShort: "too_short"
        case .tooLong: "too_long"
        }
    }

    /// A sentence for humans.
    public var message: String {
        switch self {
        case .empty:
            "The phone number is empty."
        case .invalidCharacter(let character, let offset):
            "The phone number contains the character \(character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")) at position \(offset), which is not a digit, '+' or a separator."
        case .notANumber:
            "The input does not look like a phone number."
        case .missingDefaultRegion:
            "The number is in national format; give it in international format (+…) or pass a default region."
        case .unknownRegion(let region):
            "The default region \"\(region)\" is not a known region code."
        case .invalidCountryCode:
            "The number does not start with an assigned country calling code."
        case .tooShortAfterInternationalPrefix:
            "The number has too few digits after the international prefix."
        case .tooShort:
            "The number is too short to be a phone number."
        case .tooLong:
            "The number is too long to be a phone number."
        }
    }

    public var description: String { "\(code): \(message)" }
}
