/// How a national number's length compares with a region's possible lengths
/// (libphonenumber's `ValidationResult`).
enum LengthCheck: Sendable, Equatable {
    case possible
    case possibleLocalOnly
    case tooShort
    case tooLong
    case invalidLength
}
