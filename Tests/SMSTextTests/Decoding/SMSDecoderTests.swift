import Testing
@testable import SMSText

@Suite("SMSDecoder")
struct SMSDecoderTests {
    let decoder = SMSDecoder()

    @Test("GSM unpacked, the usual SMPP form")
    func gsmUnpacked() throws {
        let part = try decoder.decode(userData: [0x48, 0x69, 0x1B, 0x65], dataCoding: 0, hasUserDataHeader: false)
        #expect(part.text == "Hi€")
        #expect(part.alphabet == .gsm7(packed: false))
        #expect(part.concatenation == nil)
    }

    @Test("data_coding 0 follows the peer profile")
    func defaultAlphabetPerPeer() throws {
        let bytes: [UInt8] = [0x40, 0x41]
        #expect(try SMSDecoder(profile: PeerTextProfile(defaultAlphabet: .ia5)).decode(userData: bytes, dataCoding: 0, hasUserDataHeader: false).text == "@A")
        #expect(try decoder.decode(userData: bytes, dataCoding: 0, hasUserDataHeader: false).text == "¡A")
        #expect(try SMSDecoder(profile: PeerTextProfile(defaultAlphabet: .latin1)).decode(userData: [0xE1], dataCoding: 0, hasUserDataHeader: false).text == "á")
    }

    @Test("data_coding values", arguments: [
        (UInt8(0x01), MessageAlphabet.ia5), (0x03, .latin1), (0x08, .ucs2), (0x04, .binary), (0x02, .binary),
        (0x05, .binary), (0x18, .ucs2), (0x10, .gsm7(packed: false)), (0x14, .binary), (0x30, .binary),
        (0xF0, .gsm7(packed: false)), (0xF4, .binary), (0xC0, .gsm7(packed: false)), (0xE0, .ucs2),
    ])
    func dataCodings(dataCoding: UInt8, alphabet: MessageAlphabet) {
        #expect(MessageAlphabet.forDataCoding(dataCoding) == alphabet)
    }

    @Test("UCS-2 with an 8-bit concatenation UDH")
    func ucs2WithUDH() throws {
        let userData: [UInt8] = [0x05, 0x00, 0x03, 0x2A, 0x03, 0x02] + UCS2Codec.bytes("Привет 😀")
        let part = try decoder.decode(userData: userData, dataCoding: 8, esmClass: 0x40)
        #expect(part.text == "Привет 😀")
        #expect(part.concatenation == ConcatenationInfo(reference: 0x2A, total: 3, sequence: 2, referenceKind: .udh8))
    }

    @Test("16-bit concatenation and other information elements are kept")
    func otherElements() throws {
        // Application port addressing (0x05) before a 16-bit concatenation element.
        let userData: [UInt8] = [0x0C, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 0x08, 0x04, 0xBE, 0xEF, 0x02, 0x01] + [0x48, 0x69]
        let part = try decoder.decode(userData: userData, dataCoding: 0, hasUserDataHeader: true)
        #expect(part.text == "Hi")
        #expect(part.concatenation == ConcatenationInfo(reference: 0xBEEF, total: 2, sequence: 1, referenceKind: .udh16))
        #expect(part.userDataHeader?.otherElements == [InformationElement(identifier: 0x05, data: [0x0B, 0x84, 0x23, 0xF0])])
        #expect(part.userDataHeader?.encoded == Array(userData.prefix(13)))
    }

    @Test("SAR values give the position when there is no UDH")
    func sar() throws {
        let part = try decoder.decode(
            userData: [0x48], dataCoding: 0, hasUserDataHeader: false,
            sar: SARValues(referenceNumber: 7, totalSegments: 2, segmentSequenceNumber: 2))
        #expect(part.concatenation == ConcatenationInfo(reference: 7, total: 2, sequence: 2, referenceKind: .sar))
    }

    @Test("invalid concatenation values are ignored (23.040)")
    func invalidConcatenation() throws {
        let part = try decoder.decode(userData: [0x05, 0x00, 0x03, 0x01, 0x02, 0x03, 0x41], dataCoding: 0, hasUserDataHeader: true)
        #expect(part.concatenation == nil)
        #expect(part.text == "A")
    }

    @Test("a truncated UDH is a typed error", arguments: [
        [UInt8](), [0x05, 0x00, 0x03], [0x02, 0x00, 0x03], [0x01, 0x00],
    ])
    func malformedHeader(userData: [UInt8]) {
        #expect {
            try decoder.decode(userData: userData, dataCoding: 0, hasUserDataHeader: true)
        } throws: { error in
            (error as? SMSTextError)?.code == "SMSTEXT_MALFORMED_UDH"
        }
    }

    @Test("binary content is returned as octets")
    func binary() throws {
        let part = try decoder.decode(userData: [0xDE, 0xAD], dataCoding: 4, hasUserDataHeader: false)
        #expect(part.content == .binary([0xDE, 0xAD]))
        #expect(part.text == nil)
    }

    @Test("national language shift IEs select the tables")
    func shiftTablesFromHeader() throws {
        let userData: [UInt8] = [0x03, 0x24, 0x01, 0x01, 0x1B, 0x73]
        let part = try decoder.decode(userData: userData, dataCoding: 0, hasUserDataHeader: true)
        #expect(part.text == "ş")
        #expect(part.shiftTables == GSMShiftTables(single: .turkish))
    }
}
