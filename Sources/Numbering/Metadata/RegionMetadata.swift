/// The decoded numbering metadata of one region (or of one non-geographic calling code).
final class RegionMetadata: Sendable {
    /// ISO 3166-1 alpha-2 code, or "001" for a non-geographic entity such as +800.
    let regionCode: String
    let callingCode: Int
    /// Decimal digits of ``callingCode`` (values 0...9).
    let callingCodeDigits: [UInt8]
    /// International dialling prefix (IDD) used when dialling out of this region, e.g. `00`, `011`.
    let internationalPrefix: DigitPattern?
    /// The trunk prefix written in national format, e.g. "0" or "8".
    let nationalPrefix: String?
    let nationalPrefixForParsing: DigitPattern?
    let nationalPrefixTransformRule: TransformRule?
    let sameMobileAndFixedLinePattern: Bool
    /// For regions that share a calling code: the national numbers that belong to this region.
    let leadingDigits: DigitPattern?
    /// Possible lengths of national numbers (sorted), as libphonenumber's general description.
    let possibleLengths: [Int]
    /// Lengths that can only be dialled locally (without area code).
    let localOnlyLengths: [Int]
    /// For each length 0...17, the descriptions whose possible lengths include it.
    let descriptionsByLength: [NumberDescriptions]
    let automaton: DigitAutomaton

    static let maximumNationalLength = 17

    init(
        regionCode: String, callingCode: Int, internationalPrefix: DigitPattern?, nationalPrefix: String?,
        nationalPrefixForParsing: DigitPattern?, nationalPrefixTransformRule: TransformRule?,
        sameMobileAndFixedLinePattern: Bool, leadingDigits: DigitPattern?, possibleLengths: [Int],
        localOnlyLengths: [Int], descriptionsByLength: [NumberDescriptions], automaton: DigitAutomaton
    ) {
        self.regionCode = regionCode
        self.callingCode = callingCode
        self.callingCodeDigits = String(callingCode).utf8.map { $0 - UInt8(ascii: "0") }
        self.internationalPrefix = internationalPrefix
        self.nationalPrefix = nationalPrefix
        self.nationalPrefixForParsing = nationalPrefixForParsing
        self.nationalPrefixTransformRule = nationalPrefixTransformRule
        self.sameMobileAndFixedLinePattern = sameMobileAndFixedLinePattern
        self.leadingDigits = leadingDigits
        self.possibleLengths = possibleLengths
        self.localOnlyLengths = localOnlyLengths
        self.descriptionsByLength = descriptionsByLength
        self.automaton = automaton
    }

    /// Whether `digits` matches the general national-number pattern (ignoring lengths).
    func matchesGeneralPattern(_ digits: [UInt8]) -> Bool {
        automaton.run(digits).contains(.general)
    }

    /// The descriptions that `nationalNumber` matches, by pattern and possible length.
    func matchingDescriptions(_ nationalNumber: [UInt8]) -> NumberDescriptions {
        guard nationalNumber.count < descriptionsByLength.count else { return [] }
        return automaton.run(nationalNumber).intersection(descriptionsByLength[nationalNumber.count])
    }

    /// The number type in this region, with libphonenumber's precedence of types.
    func type(of nationalNumber: [UInt8]) -> PhoneNumberType {
        let matches = matchingDescriptions(nationalNumber)
        guard matches.contains(.general) else { return .unknown }
        if matches.contains(.premiumRate) { return .premiumRate }
        if matches.contains(.tollFree) { return .tollFree }
        if matches.contains(.sharedCost) { return .sharedCost }
        if matches.contains(.voip) { return .voip }
        if matches.contains(.personalNumber) { return .personalNumber }
        if matches.contains(.pager) { return .pager }
        if matches.contains(.uan) { return .uan }
        if matches.contains(.voicemail) { return .voicemail }
        if matches.contains(.fixedLine) {
            if sameMobileAndFixedLinePattern || matches.contains(.mobile) { return .fixedLineOrMobile }
            return .fixedLine
        }
        if !sameMobileAndFixedLinePattern, matches.contains(.mobile) { return .mobile }
        return .unknown
    }

    /// Compares the length of `digits` with the possible lengths of the region.
    func checkLength(_ digits: [UInt8]) -> LengthCheck {
        let length = digits.count
        if localOnlyLengths.contains(length) { return .possibleLocalOnly }
        guard let minimum = possibleLengths.first, let maximum = possibleLengths.last else { return .invalidLength }
        if minimum == length { return .possible }
        if minimum > length { return .tooShort }
        if maximum < length { return .tooLong }
        return possibleLengths.dropFirst().contains(length) ? .possible : .invalidLength
    }
}
