import Testing
@testable import SMSText

@Suite("SMSCounter")
struct SMSCounterTests {
    let counter = SMSCounter()

    @Test("OTP text in GSM 7-bit")
    func otp() throws {
        let count = try counter.count("Your code is 123456")
        #expect(count.encoding == .gsm7)
        #expect(count.unit == .septet)
        #expect(count.parts == 1)
        #expect(count.units == 19)
        #expect(count.characters == 19)
        #expect(count.unitsPerPart == 160)
        #expect(count.remainingInLastPart == 141)
        #expect(!count.exceedsMaxParts)
    }

    @Test("the per-part limit drops to 153 once a second part is needed")
    func secondPart() throws {
        let count = try counter.count(String(repeating: "a", count: 161))
        #expect(count.parts == 2)
        #expect(count.unitsPerPart == 153)
        #expect(count.unitsInLastPart == 8)
        #expect(count.remainingInLastPart == 145)
    }

    @Test("escaped characters and emoji cost two units")
    func doubleCost() throws {
        let euro = try counter.count("€10")
        #expect(euro.units == 4)
        #expect(euro.characters == 3)
        let emoji = try counter.count("Hi 😀")
        #expect(emoji.encoding == .ucs2)
        #expect(emoji.units == 5)
        #expect(emoji.characters == 4)
        #expect(emoji.remainingInLastPart == 65)
    }

    @Test("over the limit is reported, not thrown")
    func overLimit() throws {
        let count = try SMSCounter(SMSEncoderOptions(maxParts: 2)).count(String(repeating: "a", count: 400))
        #expect(count.parts == 3)
        #expect(count.exceedsMaxParts)
    }

    @Test("the counter matches the encoder")
    func matchesEncoder() throws {
        for text in ["", "a", String(repeating: "€", count: 77), String(repeating: "Ж", count: 140), "Olá 👋🏽 mundo"] {
            let plan = try SMSEncoder().encode(text)
            #expect(try counter.count(text) == plan.count)
        }
    }
}
