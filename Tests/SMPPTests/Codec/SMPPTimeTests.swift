import Testing
@testable import SMPP

@Suite struct SMPPTimeTests {
    @Test func relativeTimes() {
        #expect(SMPPTime(parsing: "000001000000000R") == .relative(seconds: 86_400))
        #expect(SMPPTime(parsing: "000000001530000R") == .relative(seconds: 930))
        #expect(SMPPTime(parsing: "010100000000000R") == .relative(seconds: (365 + 30) * 86_400))
        #expect(SMPPTime(parsing: "000000000010000R")?.instant(now: 100) == 110)
    }

    @Test func absoluteTimesWithOffsets() {
        // 2026-01-01T00:00:00Z is 1767225600.
        #expect(SMPPTime(parsing: "260101000000000+") == .absolute(secondsSince1970: 1_767_225_600))
        #expect(SMPPTime(parsing: "260101010000004+") == .absolute(secondsSince1970: 1_767_225_600))  // local 01:00 at UTC+1
        #expect(SMPPTime(parsing: "251231230000004-") == .absolute(secondsSince1970: 1_767_225_600))  // local 23:00 at UTC-1
        #expect(SMPPTime(parsing: "000229120000000+") == .absolute(secondsSince1970: 951_825_600))    // leap day 2000
        #expect(SMPPTime(parsing: "260101000000000+")?.instant(now: 5) == 1_767_225_600)
    }

    @Test(arguments: ["", "26010100000000+", "2601010000000000", "261301000000000+", "250229000000000+", "260101240000000+", "260101000000049+", "26010100000000AR"])
    func malformed(_ text: String) {
        #expect(SMPPTime(parsing: text) == nil)
    }
}
