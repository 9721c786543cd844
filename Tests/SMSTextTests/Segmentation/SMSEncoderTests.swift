import Testing
@testable import SMSText

@Suite("SMSEncoder: encoding choice, limits and concatenation")
struct SMSEncoderTests {
    private func encode(_ text: String, _ options: SMSEncoderOptions = SMSEncoderOptions(), reference: UInt16 = 0xCC)
        throws(SMSTextError) -> EncodedMessage
    {
        try SMSEncoder(options).encode(text, reference: reference)
    }

    private let cyrillic = "П"

    @Test("GSM 7-bit: 160 septets in one part, 161 in two with an 8-bit reference UDH")
    func gsmLimits() throws {
        let single = try encode(String(repeating: "a", count: 160))
        #expect(single.encoding == .gsm7)
        #expect(single.dataCoding == 0)
        #expect(single.parts.count == 1)
        #expect(single.parts[0].shortMessage.count == 160)
        #expect(single.parts[0].esmClassFlags == 0)
        #expect(single.concatenation == nil)

        let double = try encode(String(repeating: "a", count: 161))
        #expect(double.parts.count == 2)
        #expect(double.concatenation == .udh8)
        #expect(double.parts.map(\.unitCount) == [153, 8])
        #expect(Array(double.parts[0].shortMessage.prefix(6)) == [0x05, 0x00, 0x03, 0xCC, 0x02, 0x01])
        #expect(Array(double.parts[1].shortMessage.prefix(6)) == [0x05, 0x00, 0x03, 0xCC, 0x02, 0x02])
        #expect(double.parts.allSatisfy { $0.esmClassFlags == 0x40 && $0.hasUserDataHeader })
        #expect(double.parts[0].shortMessage.count == 6 + 153)
    }

    @Test("UCS-2: 70 units in one part, 71 in two (67 + 4)")
    func ucs2Limits() throws {
        let single = try encode(String(repeating: cyrillic, count: 70))
        #expect(single.encoding == .ucs2)
        #expect(single.dataCoding == 8)
        #expect(single.parts.count == 1)
        #expect(single.parts[0].shortMessage.count == 140)

        let double = try encode(String(repeating: cyrillic, count: 71))
        #expect(double.parts.map(\.unitCount) == [67, 4])
        #expect(double.parts[0].shortMessage.count == 6 + 134)
    }

    @Test("Latin-1: 140 octets in one part, 141 in two (134 + 7); data_coding 3, or 0 when the peer says so")
    func latin1Limits() throws {
        var options = SMSEncoderOptions(profile: PeerTextProfile(acceptedEncodings: [.latin1]))
        let single = try encode(String(repeating: "á", count: 140), options)
        #expect(single.encoding == .latin1)
        #expect(single.dataCoding == 3)
        #expect(single.parts.count == 1)
        let double = try encode(String(repeating: "á", count: 141), options)
        #expect(double.parts.map(\.unitCount) == [134, 7])

        options.profile.defaultAlphabet = .latin1
        #expect(try encode("Olá", options).dataCoding == 0)
    }

    @Test("IA5 peer: data_coding 0 means ASCII")
    func ia5Peer() throws {
        let options = SMSEncoderOptions(profile: PeerTextProfile(defaultAlphabet: .ia5, acceptedEncodings: [.ia5, .ucs2]))
        let plan = try encode("Hello {name}", options)
        #expect(plan.encoding == .ia5)
        #expect(plan.dataCoding == 0)
        #expect(plan.parts[0].shortMessage == Array("Hello {name}".utf8))
        #expect(try encode("Olá", options).encoding == .ucs2)
    }

    @Test("16-bit reference UDH: 152 septets per part")
    func udh16() throws {
        let plan = try encode(String(repeating: "a", count: 161), SMSEncoderOptions(concatenation: .udh16), reference: 0x1234)
        #expect(plan.parts.map(\.unitCount) == [152, 9])
        #expect(Array(plan.parts[0].shortMessage.prefix(7)) == [0x06, 0x08, 0x04, 0x12, 0x34, 0x02, 0x01])
        #expect(plan.reference == 0x1234)
        let ucs2 = try encode(String(repeating: cyrillic, count: 71), SMSEncoderOptions(concatenation: .udh16))
        #expect(ucs2.parts.map(\.unitCount) == [66, 5])
        let latin = try encode(
            String(repeating: "á", count: 141),
            SMSEncoderOptions(profile: PeerTextProfile(acceptedEncodings: [.latin1]), concatenation: .udh16))
        #expect(latin.parts.map(\.unitCount) == [133, 8])
    }

    @Test("8-bit reference keeps the low byte of the supplied reference")
    func udh8ReferenceTruncation() throws {
        let plan = try encode(String(repeating: "a", count: 200), reference: 0x1234)
        #expect(plan.reference == 0x34)
        #expect(plan.parts[0].shortMessage[3] == 0x34)
    }

    @Test("SAR: no UDH, TLV values per part, parts sized for a 16-bit reference")
    func sar() throws {
        let plan = try encode(String(repeating: "a", count: 161), SMSEncoderOptions(concatenation: .sar), reference: 0x0102)
        #expect(plan.parts.count == 2)
        #expect(plan.parts.map(\.unitCount) == [152, 9])
        #expect(plan.parts.allSatisfy { !$0.hasUserDataHeader && $0.esmClassFlags == 0 })
        #expect(plan.parts[0].sar == SARValues(referenceNumber: 0x0102, totalSegments: 2, segmentSequenceNumber: 1))
        #expect(plan.parts[1].sar == SARValues(referenceNumber: 0x0102, totalSegments: 2, segmentSequenceNumber: 2))
        #expect(plan.parts[0].shortMessage == Array(repeating: 0x61, count: 152))
    }

    @Test("message_payload: one PDU with everything, sm_length 0, over-the-air part count reported")
    func messagePayload() throws {
        let plan = try encode(String(repeating: "a", count: 400), SMSEncoderOptions(concatenation: .messagePayload))
        #expect(plan.parts.count == 1)
        #expect(plan.parts[0].shortMessage.isEmpty)
        #expect(plan.parts[0].messagePayload == Array(repeating: 0x61, count: 400))
        #expect(plan.count.parts == 3)
        #expect(plan.concatenation == .messagePayload)

        let short = try encode("hi", SMSEncoderOptions(concatenation: .messagePayload))
        #expect(short.parts[0].shortMessage == [0x68, 0x69])
        #expect(short.parts[0].messagePayload == nil)

        let always = try encode("hi", SMSEncoderOptions(concatenation: .messagePayload, alwaysUsesMessagePayload: true))
        #expect(always.parts[0].shortMessage.isEmpty)
        #expect(always.parts[0].messagePayload == [0x68, 0x69])
    }

    @Test("an escaped character is never split across parts")
    func escapeNotSplit() throws {
        let plan = try encode(String(repeating: "a", count: 152) + "€" + String(repeating: "b", count: 8))
        #expect(plan.parts.map(\.unitCount) == [152, 10])
        #expect(plan.parts[0].shortMessage.last == 0x61)
        #expect(Array(plan.parts[1].shortMessage[6..<9]) == [0x1B, 0x65, 0x62])
    }

    @Test("a surrogate pair is never split across parts")
    func surrogateNotSplit() throws {
        let plan = try encode(String(repeating: cyrillic, count: 66) + "😀" + String(repeating: cyrillic, count: 10))
        #expect(plan.parts.map(\.unitCount) == [66, 12])
        #expect(Array(plan.parts[1].shortMessage[6..<10]) == [0xD8, 0x3D, 0xDE, 0x00])
    }

    @Test("an emoji with a skin tone modifier stays in one part when possible")
    func graphemeKeptWhole() throws {
        let plan = try encode(String(repeating: cyrillic, count: 65) + "👍🏽" + String(repeating: cyrillic, count: 10))
        #expect(plan.parts.map(\.unitCount) == [65, 14])
    }

    @Test("more parts than allowed is a typed error")
    func tooManyParts() throws {
        let text = String(repeating: "a", count: 153 * 10 + 1)
        #expect(throws: SMSTextError.tooManyParts(required: 11, maximum: 10)) { try encode(text) }
        #expect(try encode(text, SMSEncoderOptions(maxParts: 11)).parts.count == 11)
        do {
            _ = try encode(text)
        } catch {
            #expect(error.code == "SMSTEXT_TOO_MANY_PARTS")
            #expect(error.message.contains("11"))
        }
    }

    @Test("unrepresentable text and invalid options are typed errors")
    func errors() {
        let gsmOnly = SMSEncoderOptions(profile: PeerTextProfile(acceptedEncodings: [.gsm7]))
        #expect(throws: SMSTextError.unrepresentableCharacter("П", allowedEncodings: [.gsm7])) {
            try encode("Привет", gsmOnly)
        }
        #expect(throws: SMSTextError.self) { try encode("x", SMSEncoderOptions(maxParts: 0)) }
        #expect(throws: SMSTextError.self) { try encode("x", SMSEncoderOptions(maxParts: 256)) }
        #expect(throws: SMSTextError.self) { try encode("x", SMSEncoderOptions(profile: PeerTextProfile(acceptedEncodings: [.gsm7]), forcedEncoding: .ucs2)) }
        // GSM cannot be signalled when data_coding 0 means ASCII.
        #expect(throws: SMSTextError.self) {
            try encode("x", SMSEncoderOptions(profile: PeerTextProfile(defaultAlphabet: .ia5, acceptedEncodings: [.gsm7])))
        }
    }

    @Test("the encoding needing the fewest parts wins; ties go to GSM")
    func fewestParts() throws {
        let options = SMSEncoderOptions(profile: PeerTextProfile(acceptedEncodings: [.gsm7, .latin1, .ucs2]))
        #expect(try encode(String(repeating: "{", count: 80), options).encoding == .gsm7)  // 160 septets
        #expect(try encode(String(repeating: "{", count: 81), options).encoding == .latin1)  // 162 septets vs 81 octets
        #expect(try encode("Hello", options).encoding == .gsm7)
    }

    @Test("forced UCS-2")
    func forcedEncoding() throws {
        let plan = try encode("Hello", SMSEncoderOptions(forcedEncoding: .ucs2))
        #expect(plan.encoding == .ucs2)
        #expect(plan.parts[0].shortMessage == [0, 0x48, 0, 0x65, 0, 0x6C, 0, 0x6C, 0, 0x6F])
    }

    @Test("national language single shift keeps Turkish text in GSM 7-bit")
    func turkishSingleShift() throws {
        let text = "Şifreniz: 123456. Kodunuzu kimseyle paylaşmayın."
        #expect(try encode(text).encoding == .ucs2)
        let options = SMSEncoderOptions(profile: PeerTextProfile(nationalLanguages: [.turkish]))
        let plan = try encode(text, options)
        #expect(plan.encoding == .gsm7)
        #expect(plan.shiftTables == GSMShiftTables(single: .turkish))
        #expect(plan.parts[0].hasUserDataHeader)
        #expect(Array(plan.parts[0].shortMessage.prefix(4)) == [0x03, 0x24, 0x01, 0x01])
        #expect(plan.count.unitsPerPart == 155)
        let decoded = try SMSDecoder().decode(plan)
        #expect(decoded[0].text == text)

        let long = try encode(String(repeating: "ş", count: 78), options)  // 156 septets
        #expect(long.count.parts == 2)
        #expect(long.count.unitsPerPart == 149)
        #expect(Array(long.parts[0].shortMessage.prefix(9)) == [0x08, 0x00, 0x03, 0xCC, 0x02, 0x01, 0x24, 0x01, 0x01])
    }

    @Test("locking shift is used only when allowed")
    func lockingShift() throws {
        let text = String(repeating: "ş", count: 100)  // 200 septets with the single shift, 100 with locking
        let single = try encode(text, SMSEncoderOptions(profile: PeerTextProfile(nationalLanguages: [.turkish])))
        #expect(single.count.parts == 2)
        let locking = try encode(
            text, SMSEncoderOptions(profile: PeerTextProfile(nationalLanguages: [.turkish], allowsLockingShift: true)))
        #expect(locking.count.parts == 1)
        #expect(locking.shiftTables.locking == .turkish)
        #expect(try SMSDecoder().decode(locking)[0].text == text)
    }

    @Test("look-alike substitution keeps typographic text in GSM 7-bit")
    func lookalikes() throws {
        let text = "“Hi” — it’s… ready"
        #expect(try encode(text).encoding == .ucs2)
        let plan = try encode(text, SMSEncoderOptions(substitutesLookalikes: true))
        #expect(plan.encoding == .gsm7)
        #expect(try SMSDecoder().decode(plan)[0].text == "\"Hi\" - it's... ready")
    }

    @Test("packed GSM: classic vector and 160 septets in 140 octets")
    func packedGSM() throws {
        let options = SMSEncoderOptions(profile: PeerTextProfile(defaultAlphabet: .gsm7Packed))
        #expect(Hex.string(try encode("hellohello", options).parts[0].shortMessage) == "E8329BFD4697D9EC37")
        let full = try encode(String(repeating: "a", count: 160), options)
        #expect(full.parts.count == 1)
        #expect(full.parts[0].shortMessage.count == 140)
        let multi = try encode(String(repeating: "a", count: 161), options)
        #expect(multi.parts.map { $0.shortMessage.count } == [140, 6 + 8])  // 1 fill bit + 8 septets
        #expect(multi.isPacked)
    }

    @Test("packed GSM: a final CR that would be mistaken for padding moves to its own part")
    func packedFinalCarriageReturn() throws {
        let options = SMSEncoderOptions(profile: PeerTextProfile(defaultAlphabet: .gsm7Packed))
        let text = String(repeating: "a", count: 159) + "\r"
        let plan = try encode(text, options)
        #expect(plan.parts.count == 2)
        let decoded = try SMSDecoder(profile: options.profile).decode(plan)
        #expect(decoded.map { $0.text ?? "" }.joined() == text)
    }

    @Test("empty text is one empty part")
    func emptyText() throws {
        let plan = try encode("")
        #expect(plan.parts.count == 1)
        #expect(plan.parts[0].shortMessage.isEmpty)
        #expect(plan.count.units == 0)
        #expect(plan.count.remainingInLastPart == 160)
    }
}
