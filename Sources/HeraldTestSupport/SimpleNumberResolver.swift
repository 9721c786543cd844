import HeraldCore

/// A stand-in for the numbering adapter in tests: accepts `+` followed by 8–15 digits and knows the
/// country of a few calling codes. Anything else is `invalid_destination`.
public struct SimpleNumberResolver: NumberResolver {
    static let regions: [(code: String, region: String)] = [
        ("1", "US"), ("44", "GB"), ("49", "DE"), ("33", "FR"), ("31", "NL"), ("34", "ES"), ("39", "IT"), ("91", "IN"),
        ("234", "NG"), ("62", "ID"), ("7", "RU"), ("55", "BR"), ("86", "CN"), ("81", "JP"), ("90", "TR"),
    ]

    public init() {}

    public func resolve(_ input: String, defaultRegion: String?) throws -> ResolvedNumber {
        let cleaned = input.filter { !" -().".contains($0) }
        guard cleaned.hasPrefix("+"), case let digits = cleaned.dropFirst(), (8...15).contains(digits.count),
              digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), digits.first != "0" else {
            throw HeraldError.invalid("invalid_destination", "'\(input)' is not a valid international phone number", field: "to")
        }
        let match = Self.regions.filter { digits.hasPrefix($0.code) }.max { $0.code.count < $1.code.count }
        return ResolvedNumber(
            e164: "+" + digits, regionCode: match?.region ?? "ZZ", countryCallingCode: Int(match?.code ?? "0") ?? 0, numberType: "mobile")
    }
}
