import Testing
@testable import Numbering

@Suite struct DigitPrefixTableTests {
    @Test func longestPrefixWins() throws {
        let table = try DigitPrefixTable([("49", "de"), ("4915", "de-mobile"), ("491512", "de-mobile-x"), ("1", "nanp")])
        #expect(table.count == 4)
        #expect(table.longestMatch("4915123456789")?.value == "de-mobile-x")
        #expect(table.longestMatch("4915123456789")?.prefix == "491512")
        #expect(table.longestMatch("491612345")?.value == "de")
        #expect(table.longestMatch("4916")?.prefix == "49")
        #expect(table.longestMatch("12125550123")?.value == "nanp")
        #expect(table.longestMatch("33123456") == nil)
        #expect(table.longestMatch("4") == nil)
        #expect(table.longestMatch("") == nil)
    }

    @Test func emptyPrefixIsTheDefault() throws {
        let table = try DigitPrefixTable([("", 0), ("44", 44)])
        #expect(table.longestMatch("33123")?.value == 0)
        #expect(table.longestMatch("33123")?.prefix == "")
        #expect(table.longestMatch("447700900123")?.value == 44)
        #expect(table.longestMatch("")?.value == 0)
    }

    @Test func leadingPlusIsSkippedAndMatchingStopsAtNonDigits() throws {
        let table = try DigitPrefixTable([("49", 1), ("4930", 2)])
        #expect(table.longestMatch("+4930123")?.prefix == "+4930")
        #expect(table.longestMatch("+4930123")?.value == 2)
        #expect(table.longestMatch("49 30 123")?.value == 1)
        #expect(table.longestMatch("++4930") == nil)
        #expect(table.longestMatch("4+930")?.value == nil)
    }

    @Test func allMatchesAndExactLookup() throws {
        let table = try DigitPrefixTable([("", "any"), ("3", "3"), ("331", "331"), ("33", "33")])
        #expect(table.allMatches("3312").map(\.value) == ["331", "33", "3", "any"])
        #expect(table.allMatches("3312").map(\.prefix) == ["331", "33", "3", ""])
        #expect(table.value(forPrefix: "33") == "33")
        #expect(table.value(forPrefix: "332") == nil)
        #expect(table.value(forPrefix: "") == "any")
    }

    @Test func rejectsInvalidAndDuplicatePrefixes() {
        #expect(throws: DigitPrefixTableError.invalidPrefix("49a", index: 1)) {
            try DigitPrefixTable([("49", 1), ("49a", 2)])
        }
        #expect(throws: DigitPrefixTableError.invalidPrefix("+49", index: 0)) {
            try DigitPrefixTable([("+49", 1)])
        }
        #expect(throws: DigitPrefixTableError.invalidPrefix(String(repeating: "1", count: 65), index: 0)) {
            try DigitPrefixTable([(String(repeating: "1", count: 65), 1)])
        }
        #expect(throws: DigitPrefixTableError.duplicatePrefix("49")) {
            try DigitPrefixTable([("49", 1), ("4", 2), ("49", 3)])
        }
        #expect(DigitPrefixTableError.duplicatePrefix("49").code == "duplicate_prefix")
    }

    @Test func mergesDuplicatesWhenAsked() throws {
        let table = try DigitPrefixTable([("49", 1), ("49", 2), ("4", 5)], uniquingPrefixesWith: +)
        #expect(table.count == 2)
        #expect(table.longestMatch("491")?.value == 3)
    }

    @Test func emptyTableMatchesNothing() {
        let table = DigitPrefixTable<Int>()
        #expect(table.isEmpty)
        #expect(table.longestMatch("123") == nil)
        #expect(table.allMatches("123").isEmpty)
    }

    @Test func agreesWithBruteForceOnRandomPrefixes() throws {
        var random = SplitMix64(seed: 42)
        var prefixes: [String: Int] = [:]
        while prefixes.count < 1_500 {
            let length = Int(random.next() % 9) + 1
            let prefix = String((0..<length).map { _ in Character(String(random.next() % 10)) })
            prefixes[prefix] = prefixes[prefix] ?? prefixes.count
        }
        let table = try DigitPrefixTable(prefixes.map { ($0.key, $0.value) })
        for _ in 0..<2_000 {
            let length = Int(random.next() % 14)
            let query = String((0..<length).map { _ in Character(String(random.next() % 10)) })
            var expected: (String, Int)?
            for (prefix, value) in prefixes where query.hasPrefix(prefix) {
                if expected == nil || prefix.count > expected!.0.count { expected = (prefix, value) }
            }
            let actual = table.longestMatch(query)
            #expect(actual?.prefix == expected.map { Substring($0.0) })
            #expect(actual?.value == expected?.1)
        }
    }
}

/// A small deterministic random generator for tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
