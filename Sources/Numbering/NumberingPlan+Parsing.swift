// Parsing and classification. The steps mirror libphonenumber's `parse`, `getRegionCodeForNumber`
// and `getNumberType`, so that results agree with it (see the differential test); only the
// lexical layer (InputScanner) is Herald's own.

extension NumberingPlan {
    /// Parses a phone number written in international or national format.
    ///
    /// International input starts with `+` (`"+49 151 2345 6789"`) or, when `defaultRegion` is
    /// given, with that region's international prefix (`"0049 …"` from Germany, `"011 …"` from
    /// the US). National input (`"0151 23456789"`) needs `defaultRegion`; its trunk prefix and
    /// national quirks such as Argentina's `15` mobile token are handled as the metadata
    /// describes (current metadata no longer strips Mexico's old `044`/`045` prefixes).
    ///
    /// - Parameters:
    ///   - input: The number as typed: digits of any script, spaces, dashes, dots, slashes,
    ///     parentheses and brackets; a leading `+`.
    ///   - defaultRegion: ISO 3166-1 alpha-2 code of the region the number is written for (any
    ///     case), or nil when the input is always international.
    /// - Returns: The normalised number, with region, type and validity.
    /// - Throws: ``NumberParseError`` when the input is not a phone number.
    public func parse(_ input: String, defaultRegion: String? = nil) throws(NumberParseError) -> PhoneNumber {
        var defaultMetadata: RegionMetadata?
        if let defaultRegion {
            guard let region = region(named: defaultRegion) else { throw .unknownRegion(defaultRegion) }
            defaultMetadata = region
        }
        let scanned = try InputScanner.scan(input)
        guard defaultMetadata != nil || scanned.hasPlus else { throw .missingDefaultRegion }

        var callingCode: Int
        var nationalNumber: [UInt8]
        do {
            (callingCode, nationalNumber) = try extractCallingCode(
                hasPlus: scanned.hasPlus, digits: scanned.digits, defaultMetadata: defaultMetadata)
        } catch .invalidCountryCode where scanned.hasPlus {
            // "+0049…": what follows the plus may itself be written with an international prefix.
            (callingCode, nationalNumber) = try extractCallingCode(
                hasPlus: false, digits: scanned.digits, defaultMetadata: defaultMetadata)
            if callingCode == 0 { throw .invalidCountryCode }
        }

        let numberMetadata: RegionMetadata
        if callingCode != 0 {
            guard let main = metadata.mainRegion(forCallingCode: callingCode) else { throw .invalidCountryCode }
            numberMetadata = main
        } else {
            // No calling code in the input: the whole input is a national number of the default
            // region (which exists, as national input without a region was rejected above).
            guard let defaultMetadata else { throw .missingDefaultRegion }
            numberMetadata = defaultMetadata
            callingCode = defaultMetadata.callingCode
            nationalNumber = scanned.digits
        }

        guard nationalNumber.count >= 2 else { throw .tooShort }
        let stripped = stripNationalPrefix(nationalNumber, metadata: numberMetadata)
        switch numberMetadata.checkLength(stripped) {
        case .tooShort, .possibleLocalOnly, .invalidLength:
            // Keep the digits as given: without the presumed prefix they could not be a number.
            break
        case .possible, .tooLong:
            nationalNumber = stripped
        }
        guard nationalNumber.count >= 2 else { throw .tooShort }
        guard nationalNumber.count <= RegionMetadata.maximumNationalLength else { throw .tooLong }

        return classify(callingCode: callingCode, nationalNumber: nationalNumber)
    }

    /// Region, type and validity of a national number under a calling code.
    func classify(callingCode: Int, nationalNumber: [UInt8]) -> PhoneNumber {
        let candidates = metadata.regionsByCallingCode[callingCode]
        var owner: RegionMetadata?
        var type = PhoneNumberType.unknown
        if candidates.count == 1 {
            let only = metadata.regions[candidates[0]]
            owner = only
            type = only.type(of: nationalNumber)
        } else {
            for index in candidates {
                let candidate = metadata.regions[index]
                if let leadingDigits = candidate.leadingDigits {
                    if leadingDigits.prefixMatch(nationalNumber) != nil {
                        owner = candidate
                        type = candidate.type(of: nationalNumber)
                        break
                    }
                } else {
                    let candidateType = candidate.type(of: nationalNumber)
                    if candidateType != .unknown {
                        owner = candidate
                        type = candidateType
                        break
                    }
                }
            }
        }
        let regionCode = owner?.regionCode ?? metadata.regions[candidates[0]].regionCode
        return PhoneNumber(
            countryCallingCode: callingCode,
            nationalNumber: Self.string(of: nationalNumber),
            regionCode: regionCode,
            type: type,
            isValid: owner != nil && type != .unknown
        )
    }

    /// Finds the calling code: after a plus, after the default region's international prefix,
    /// or (without either) at the start of a number that is only plausible without it.
    ///
    /// - Returns: The calling code and the digits after it, or `(0, [])` when the number has
    ///   no calling code.
    private func extractCallingCode(
        hasPlus: Bool, digits: [UInt8], defaultMetadata: RegionMetadata?
    ) throws(NumberParseError) -> (Int, [UInt8]) {
        var number = digits
        var international = hasPlus
        if !hasPlus, let prefix = defaultMetadata?.internationalPrefix, let match = prefix.prefixMatch(digits) {
            // A calling code never starts with 0, so "00 0…" is not an international prefix.
            if match.end >= digits.count || digits[match.end] != 0 {
                number = Array(digits[match.end...])
                international = true
            }
        }
        if international {
            guard number.count > 2 else { throw .tooShortAfterInternationalPrefix }
            guard number[0] != 0 else { throw .invalidCountryCode }
            var code = 0
            for length in 1...min(3, number.count) {
                code = code * 10 + Int(number[length - 1])
                if metadata.isAssigned(callingCode: code) {
                    return (code, Array(number[length...]))
                }
            }
            throw .invalidCountryCode
        }
        if let defaultMetadata, number.starts(with: defaultMetadata.callingCodeDigits) {
            // "4915123456789" with region DE: the calling code without a plus.
            let rest = Array(number[defaultMetadata.callingCodeDigits.count...])
            let withoutCode = stripNationalPrefix(rest, metadata: defaultMetadata)
            if (!defaultMetadata.matchesGeneralPattern(number) && defaultMetadata.matchesGeneralPattern(withoutCode))
                || defaultMetadata.checkLength(number) == .tooLong
            {
                return (defaultMetadata.callingCode, withoutCode)
            }
        }
        return (0, [])
    }

    /// Removes a national (trunk) prefix and carrier code, or applies the region's transform
    /// rule, unless that would turn a number matching the region's pattern into one that does not.
    func stripNationalPrefix(_ number: [UInt8], metadata region: RegionMetadata) -> [UInt8] {
        guard !number.isEmpty, let pattern = region.nationalPrefixForParsing,
            let match = pattern.prefixMatch(number)
        else { return number }
        let originalMatches = region.matchesGeneralPattern(number)
        let candidate: [UInt8]
        if let rule = region.nationalPrefixTransformRule, match.groupCount > 0, match.group(match.groupCount) != nil {
            candidate = rule.apply(to: number, match: match)
        } else {
            candidate = Array(number[match.end...])
        }
        if originalMatches && !region.matchesGeneralPattern(candidate) { return number }
        return candidate
    }

    static func string(of digits: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: digits.count) { buffer in
            for (index, digit) in digits.enumerated() { buffer[index] = digit &+ 48 }
            return digits.count
        }
    }
}
