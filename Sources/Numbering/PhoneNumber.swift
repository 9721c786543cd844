/// A parsed, normalised phone number with its region and type, as produced by
/// ``NumberingPlan/parse(_:defaultRegion:)``.
///
/// ```swift
/// let number = try NumberingPlan.shared.parse("0151 23456789", defaultRegion: "DE")
/// number.e164          // "+4915123456789"
/// number.regionCode    // "DE"
/// number.type          // .mobile
/// number.isValid       // true
/// ```
///
/// A number that parses is not necessarily valid: parsing accepts anything with a plausible
/// shape, and ``isValid`` tells whether it matches a number range of its region.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    /// The ITU country calling code, e.g. 49 for Germany or 800 for international freephone.
    public let countryCallingCode: Int
    /// The national significant number: decimal digits after the calling code, including any
    /// leading zero that belongs to the number (Italy keeps its 0: +39 06… → "06…").
    public let nationalNumber: String
    /// The number in E.164 form: "+", calling code, national number ("+4915123456789").
    public let e164: String
    /// The region the number belongs to: an ISO 3166-1 alpha-2 code, or "001" for
    /// non-geographic calling codes such as +800 or +882. For a shared calling code the region
    /// is picked by the number's leading digits (+1 212… → "US", +1 416… → "CA"); when no region
    /// claims the number it is the calling code's main region ("US" for +1, "RU" for +7).
    public let regionCode: String
    /// The number type in its region; ``PhoneNumberType/unknown`` when the number is not valid.
    public let type: PhoneNumberType
    /// Whether the number matches a number range of its region (pattern and length).
    public let isValid: Bool

    init(countryCallingCode: Int, nationalNumber: String, regionCode: String, type: PhoneNumberType, isValid: Bool) {
        self.countryCallingCode = countryCallingCode
        self.nationalNumber = nationalNumber
        self.e164 = "+" + String(countryCallingCode) + nationalNumber
        self.regionCode = regionCode
        self.type = type
        self.isValid = isValid
    }

    /// The E.164 digits without the "+", as used in SMPP addresses and MAP signalling.
    public var msisdn: Substring { e164.dropFirst() }

    public var description: String { e164 }
}
