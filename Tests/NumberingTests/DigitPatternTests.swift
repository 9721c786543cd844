import Testing
@testable import Numbering

@Suite struct DigitPatternTests {
    private func digits(_ text: String) -> [UInt8] { text.utf8.map { $0 - 48 } }

    @Test func literalPatternMatchesPrefixOnly() throws {
        let pattern = try DigitPattern("00")
        #expect(pattern.literal == [0, 0])
        #expect(pattern.prefixMatch(digits("0049"))?.end == 2)
        #expect(pattern.prefixMatch(digits("0149")) == nil)
        #expect(pattern.prefixMatch(digits("0")) == nil)
    }

    @Test func alternationIsLeftmostFirstNotLongest() throws {
        // Python's re.match("0|00", "001") ends after one digit.
        let pattern = try DigitPattern("0|00")
        #expect(pattern.prefixMatch(digits("001"))?.end == 1)
        let other = try DigitPattern("00|0")
        #expect(other.prefixMatch(digits("001"))?.end == 2)
    }

    @Test func greedyQuantifiersBacktrack() throws {
        let pattern = try DigitPattern("\\d{2,4}5")
        // Greedy: \d{2,4} takes "1255", then 5 matches (Python's re.match ends at 5 as well).
        #expect(pattern.prefixMatch(digits("125555"))?.end == 5)
        #expect(pattern.prefixMatch(digits("12355"))?.end == 5)
        #expect(pattern.prefixMatch(digits("12345"))?.end == 5)
        #expect(pattern.prefixMatch(digits("1235"))?.end == 4)
        #expect(pattern.prefixMatch(digits("125"))?.end == 3)
        #expect(pattern.prefixMatch(digits("15")) == nil)
    }

    @Test func capturesAndOptionalGroups() throws {
        let pattern = try DigitPattern("0(1\\d)?")
        let withCarrier = try #require(pattern.prefixMatch(digits("01577")))
        #expect(withCarrier.end == 3)
        #expect(withCarrier.group(1) == 1..<3)
        let without = try #require(pattern.prefixMatch(digits("0277")))
        #expect(without.end == 1)
        #expect(without.group(1) == nil)
    }

    @Test func endAnchorAndCaptureOfWholeNumber() throws {
        // Turks and Caicos: a 7-digit local number gets the area code.
        let pattern = try DigitPattern("([2-479]\\d{6})$|1")
        let local = try #require(pattern.prefixMatch(digits("2345678")))
        #expect(local.group(1) == 0..<7)
        let trunk = try #require(pattern.prefixMatch(digits("16492345678")))
        #expect(trunk.end == 1)
        #expect(trunk.group(1) == nil)
        #expect(pattern.prefixMatch(digits("23456789")) == nil)
    }

    @Test func capturesAreRestoredWhenBranchFails() throws {
        let pattern = try DigitPattern("(1)2|(1)3")
        let match = try #require(pattern.prefixMatch(digits("13")))
        #expect(match.group(1) == nil)
        #expect(match.group(2) == 0..<1)
    }

    @Test func classesRangesAndNegation() throws {
        let pattern = try DigitPattern("[2-46-8][^0-8]")
        #expect(pattern.prefixMatch(digits("39")) != nil)
        #expect(pattern.prefixMatch(digits("59")) == nil)
        #expect(pattern.prefixMatch(digits("38")) == nil)
    }

    @Test func transformRuleExpandsGroups() throws {
        let pattern = try DigitPattern("0?(?:(11|2\\d{2})15)?")
        let rule = try TransformRule("9\\1")
        let number = digits("0111512345678")
        let match = try #require(pattern.prefixMatch(number))
        #expect(rule.apply(to: number, match: match) == digits("91112345678"))
    }

    @Test func rejectsUnsupportedSyntax() {
        #expect(throws: DigitPatternError.self) { try DigitPattern("a") }
        #expect(throws: DigitPatternError.self) { try DigitPattern("(12") }
        #expect(throws: DigitPatternError.self) { try DigitPattern("\\w") }
        #expect(throws: DigitPatternError.self) { try DigitPattern("1{3,2}") }
        #expect(throws: DigitPatternError.self) { try TransformRule("9\\") }
    }
}
