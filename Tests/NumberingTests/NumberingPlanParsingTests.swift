import Testing
@testable import Numbering

/// Parsing edge cases. Expected values agree with libphonenumber 9.0.43 (checked with the
/// Python `phonenumbers` package); the differential test covers the general case.
@Suite struct NumberingPlanParsingTests {
    let plan = NumberingPlan.shared

    struct Case: CustomTestStringConvertible, Sendable {
        let input: String
        let region: String?
        let e164: String
        let owner: String
        let valid: Bool
        let type: PhoneNumberType
        init(_ input: String, _ region: String?, _ e164: String, _ owner: String, _ valid: Bool, _ type: PhoneNumberType) {
            self.input = input
            self.region = region
            self.e164 = e164
            self.owner = owner
            self.valid = valid
            self.type = type
        }
        var testDescription: String { "\(input.debugDescription) in \(region ?? "-")" }
    }

    static let internationalAndNational: [Case] = [
        // International input with separators.
        Case("+49 151 2345 6789", nil, "+4915123456789", "DE", true, .mobile),
        Case("+1 (212) 555-0123", nil, "+12125550123", "US", true, .fixedLineOrMobile),
        Case("+44 (0) 20 7946 0958", nil, "+442079460958", "GB", true, .fixedLine),
        Case("++49 151 23456789", nil, "+4915123456789", "DE", true, .mobile),
        Case("+49 151 2345 6789 ", nil, "+4915123456789", "DE", true, .mobile),
        // International prefixes of the default region: 00, 011.
        Case("0049 151 23456789", "DE", "+4915123456789", "DE", true, .mobile),
        Case("011 44 20 7946 0958", "US", "+442079460958", "GB", true, .fixedLine),
        Case("+0049 151 23456789", "DE", "+4915123456789", "DE", true, .mobile),
        // National input with trunk prefixes.
        Case("0151 23456789", "DE", "+4915123456789", "DE", true, .mobile),
        Case("(0151) 234-56789", "de", "+4915123456789", "DE", true, .mobile),
        Case("212.555.0123", "US", "+12125550123", "US", true, .fixedLineOrMobile),
        Case("8 912 345 67 89", "RU", "+79123456789", "RU", true, .mobile),
        Case("0 11 91234-5678", "BR", "+5511912345678", "BR", true, .mobile),
        // Italy keeps its leading zero; Rome's numbers belong to the Vatican range too.
        Case("+39 06 6982 1234", nil, "+390669821234", "VA", true, .fixedLine),
        Case("06 6982 1234", "IT", "+390669821234", "VA", true, .fixedLine),
        Case("02 1234 5678", "IT", "+390212345678", "IT", true, .fixedLine),
        Case("+39 335 123 4567", nil, "+393351234567", "IT", true, .mobile),
        // Argentina: the "15" mobile token becomes a leading 9.
        Case("011 15 2345-6789", "AR", "+5491123456789", "AR", true, .mobile),
        Case("0343 15 555 1212", "AR", "+5493435551212", "AR", true, .mobile),
        Case("+54 9 11 2345 6789", nil, "+5491123456789", "AR", true, .mobile),
        // Mexico: the current metadata no longer strips 044/045 or the mobile "1".
        Case("+52 55 1234 5678", nil, "+525512345678", "MX", true, .fixedLineOrMobile),
        Case("+52 1 55 1234 5678", nil, "+5215512345678", "MX", false, .unknown),
        Case("044 55 1234 5678", "MX", "+520445512345678", "MX", false, .unknown),
        // The calling code without a plus is only taken as such when the digits do not fit the
        // national pattern but the rest does (or the whole is too long).
        Case("4915123456789", "DE", "+494915123456789", "DE", true, .fixedLine),
        Case("49 30 123456", "DE", "+4930123456", "DE", true, .fixedLine),
        // Other scripts' digits and full-width characters.
        Case("+١٥١٢٣٤٥٦٧٨٩", nil, "+15123456789", "US", true, .fixedLineOrMobile),
        Case("＋４９ １５１ ２３４５６７８９", nil, "+4915123456789", "DE", true, .mobile),
        Case("۰۱۵۱ ۲۳۴۵۶۷۸۹", "DE", "+4915123456789", "DE", true, .mobile),
        // Two digits alone parse (as in libphonenumber) but are not valid.
        Case("12", "DE", "+4912", "DE", false, .unknown),
    ]

    static let sharedCallingCodes: [Case] = [
        Case("+1 416 555 0123", nil, "+14165550123", "CA", true, .fixedLineOrMobile),
        Case("+1 268 464 1234", nil, "+12684641234", "AG", true, .mobile),
        Case("+1 242 357 1234", nil, "+12423571234", "BS", true, .mobile),
        Case("+1 800 555 0199", nil, "+18005550199", "US", true, .tollFree),
        Case("+7 912 345 67 89", nil, "+79123456789", "RU", true, .mobile),
        Case("+7 701 234 5678", nil, "+77012345678", "KZ", true, .mobile),
        Case("+7 800 555 35 35", nil, "+78005553535", "RU", true, .tollFree),
        Case("+44 20 7946 0958", nil, "+442079460958", "GB", true, .fixedLine),
        Case("+44 1481 256789", nil, "+441481256789", "GG", true, .fixedLine),
        Case("+44 7624 123456", nil, "+447624123456", "IM", true, .mobile),
        Case("+262 269 61 1234", nil, "+262269611234", "YT", true, .fixedLine),
        Case("+590 590 27 1234", nil, "+590590271234", "BL", true, .fixedLine),
        Case("+590 690 00 1234", nil, "+590690001234", "GP", true, .mobile),
        Case("+358 18 12345", nil, "+3581812345", "AX", true, .fixedLine),
        Case("+47 79 12 3456", nil, "+4779123456", "SJ", true, .fixedLine),
        Case("+61 8 9162 1234", nil, "+61891621234", "CC", true, .fixedLine),
        // No region claims it: the main region is reported, and the number is invalid.
        Case("+262 639 12 34 56", nil, "+262639123456", "RE", false, .unknown),
    ]

    static let nonGeographic: [Case] = [
        Case("+800 1234 5678", nil, "+80012345678", "001", true, .tollFree),
        Case("+808 1234 5678", nil, "+80812345678", "001", true, .sharedCost),
        Case("+870 773 111632", nil, "+870773111632", "001", true, .mobile),
        Case("+881 6 1234 5678", nil, "+881612345678", "001", true, .mobile),
        Case("+882 3421 1234", nil, "+88234211234", "001", false, .unknown),
        Case("+883 5100 1234 5678", nil, "+883510012345678", "001", true, .voip),
        Case("+888 123 4567", nil, "+8881234567", "001", false, .unknown),
        Case("+979 1234 5678", nil, "+97912345678", "001", false, .unknown),
    ]

    static let types: [Case] = [
        Case("+49 30 123456", nil, "+4930123456", "DE", true, .fixedLine),
        Case("+33 6 12 34 56 78", nil, "+33612345678", "FR", true, .mobile),
        Case("+49 900 1 234567", nil, "+499001234567", "DE", true, .premiumRate),
        Case("+49 180 1234567", nil, "+491801234567", "DE", true, .sharedCost),
        Case("+44 56 1234 5678", nil, "+445612345678", "GB", true, .voip),
        Case("+44 70 1234 5678", nil, "+447012345678", "GB", true, .personalNumber),
        Case("+44 76 2345 6789", nil, "+447623456789", "GB", true, .pager),
        Case("+44 55 1234 5678", nil, "+445512345678", "GB", true, .uan),
        Case("+61 2 1234 5678", nil, "+61212345678", "AU", true, .fixedLine),
        Case("+91 98765 43210", nil, "+919876543210", "IN", true, .mobile),
        Case("+86 138 0013 8000", nil, "+8613800138000", "CN", true, .mobile),
        Case("+234 803 123 4567", nil, "+2348031234567", "NG", true, .mobile),
        Case("+64 3 123 4567", nil, "+6431234567", "NZ", false, .unknown),
        Case("+378 0549 123456", nil, "+3780549123456", "SM", false, .unknown),
    ]

    @Test(arguments: internationalAndNational + sharedCallingCodes + nonGeographic + types)
    func parses(_ expected: Case) throws {
        let number = try plan.parse(expected.input, defaultRegion: expected.region)
        #expect(number.e164 == expected.e164)
        #expect(number.regionCode == expected.owner)
        #expect(number.isValid == expected.valid)
        #expect(number.type == expected.type)
        #expect("+\(number.countryCallingCode)\(number.nationalNumber)" == expected.e164)
    }

    @Test func voicemailType() throws {
        // DE voicemail: 1 7x 99 and similar ranges, 12-13 digits.
        let number = try plan.parse("+49 177 99 1234567")
        #expect(number.type == .voicemail)
        #expect(number.isValid)
    }

    @Test func fieldsOfAParsedNumber() throws {
        let number = try plan.parse("+39 06 6982 1234")
        #expect(number.countryCallingCode == 39)
        #expect(number.nationalNumber == "0669821234")
        #expect(number.msisdn == "390669821234")
        #expect(number.description == "+390669821234")
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        let input: String
        let region: String?
        let error: NumberParseError
        init(_ input: String, _ region: String?, _ error: NumberParseError) {
            self.input = input
            self.region = region
            self.error = error
        }
        var testDescription: String { "\(input.debugDescription) in \(region ?? "-")" }
    }

    static let failures: [Failure] = [
        Failure("", nil, .empty),
        Failure("  \t ", "DE", .empty),
        Failure("---", "DE", .notANumber),
        Failure("+49", nil, .notANumber),
        Failure("+4", nil, .notANumber),
        Failure("1", "DE", .notANumber),
        Failure("1 2", "DE", .notANumber),
        Failure("49+151", "DE", .notANumber),
        Failure("+49 151 2345678901234567", nil, .tooLong),
        Failure("+49 " + String(repeating: "1", count: 260), nil, .tooLong),
        Failure("+999 1234 5678", nil, .invalidCountryCode),
        Failure("+0 1234 5678", nil, .invalidCountryCode),
        Failure("00", "DE", .tooShortAfterInternationalPrefix),
        Failure("0049", "DE", .tooShortAfterInternationalPrefix),
        Failure("00 49 1", "DE", .tooShort),
        Failure("0151 23456789", nil, .missingDefaultRegion),
        Failure("0151 23456789", "XX", .unknownRegion("XX")),
        Failure("+49 151 CALL ME", nil, .invalidCharacter("C", offset: 8)),
        Failure("tel:+4915123456789", nil, .invalidCharacter("t", offset: 0)),
        Failure("+49 151 2345 6789 ext. 12", nil, .invalidCharacter("e", offset: 18)),
        Failure("+49 151\t2345 6789", nil, .invalidCharacter("\t", offset: 7)),
        Failure("+49 151 2345 6789 x12", nil, .invalidCharacter("x", offset: 18)),
        Failure("+49*151", nil, .invalidCharacter("*", offset: 3)),
        Failure("+49 151 🙂 6789", nil, .invalidCharacter("🙂", offset: 8)),
    ]

    @Test(arguments: failures)
    func rejects(_ failure: Failure) {
        #expect(throws: failure.error) {
            try plan.parse(failure.input, defaultRegion: failure.region)
        }
    }

    @Test func errorsHaveStableCodesAndMessages() {
        #expect(NumberParseError.invalidCharacter("a", offset: 3).code == "invalid_character")
        #expect(NumberParseError.invalidCharacter("a", offset: 3).message.contains("U+61"))
        #expect(NumberParseError.missingDefaultRegion.code == "missing_region")
        #expect(NumberParseError.tooShortAfterInternationalPrefix.code == "too_short_after_idd")
        #expect(NumberParseError.unknownRegion("XX").message.contains("XX"))
        #expect(NumberParseError.tooLong.description == "too_long: The number is too long to be a phone number.")
    }

    @Test func whitespaceAroundTheNumberIsIgnored() throws {
        let number = try plan.parse("\n\t +49 151 23456789 \r\n")
        #expect(number.e164 == "+4915123456789")
    }

    @Test func regionQueries() {
        #expect(plan.callingCode(forRegion: "DE") == 49)
        #expect(plan.callingCode(forRegion: "gb") == 44)
        #expect(plan.callingCode(forRegion: "XX") == nil)
        #expect(plan.regionCodes(forCallingCode: 7) == ["RU", "KZ"])
        #expect(plan.regionCodes(forCallingCode: 44) == ["GB", "GG", "IM", "JE"])
        #expect(plan.regionCodes(forCallingCode: 1).first == "US")
        #expect(plan.regionCodes(forCallingCode: 1).count == 25)
        #expect(plan.mainRegionCode(forCallingCode: 882) == "001")
        #expect(plan.mainRegionCode(forCallingCode: 999) == nil)
        #expect(plan.nationalPrefix(forRegion: "RU") == "8")
        #expect(plan.nationalPrefix(forRegion: "IT") == nil)
        for code in [800, 808, 870, 878, 881, 882, 883, 888, 979] {
            #expect(plan.isAssigned(callingCode: code), "+\(code)")
        }
        #expect(plan.regionCodes.count == 245)
        #expect(plan.callingCodes.count == 215)
        #expect(plan.metadataSource.hasPrefix("phonenumbers 9.0.43"))
    }

    @Test func isSafeToShareAcrossTasks() async throws {
        let plan = self.plan
        let results = await withTaskGroup(of: String?.self) { group in
            for index in 0..<16 {
                group.addTask { try? plan.parse("+49 151 2345 67\(10 + index)").e164 }
            }
            var collected: [String] = []
            for await result in group { if let result { collected.append(result) } }
            return collected
        }
        #expect(results.count == 16)
        #expect(Set(results).count == 16)
    }
}
