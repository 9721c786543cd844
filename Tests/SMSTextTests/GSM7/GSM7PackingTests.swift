import Testing
@testable import SMSText

@Suite("GSM 7-bit packing")
struct GSM7PackingTests {
    private func septets(_ text: String) -> [UInt8] {
        GSM7Codec.septets(text) ?? []
    }

    @Test("classic vector: hellohello")
    func hellohello() {
        #expect(Hex.string(GSM7Packing.pack(septets("hellohello"))) == "E8329BFD4697D9EC37")
        #expect(GSM7Codec.text(fromSeptets: GSM7Packing.unpack(Hex.bytes("E8329BFD4697D9EC37"), count: 10)) == "hellohello")
    }

    @Test("eight septets fill seven octets exactly")
    func eightSeptets() {
        #expect(Hex.string(GSM7Packing.pack(septets("12345678"))) == "31D98C56B3DD70")
        #expect(GSM7Codec.text(fromSeptets: GSM7Packing.unpackUserData(Hex.bytes("31D98C56B3DD70"), headerOctets: 0)) == "12345678")
    }

    @Test("seven spare bits are padded with CR, and the receiver drops it")
    func carriageReturnPadding() {
        let packed = GSM7Packing.packUserData(septets("1234567"), headerOctets: 0)
        #expect(Hex.string(packed) == "31D98C56B3DD1A")
        #expect(GSM7Codec.text(fromSeptets: GSM7Packing.unpackUserData(packed, headerOctets: 0)) == "1234567")
        // Without the rule the last 7 zero bits would read as "@".
        #expect(GSM7Codec.text(fromSeptets: GSM7Packing.unpack(GSM7Packing.pack(septets("1234567")))) == "1234567@")
    }

    @Test("a wanted CR on an octet boundary gets a second CR so it survives padding removal")
    func wantedCarriageReturnOnBoundary() {
        let packed = GSM7Packing.packUserData(septets("1234567\r"), headerOctets: 0)
        #expect(Hex.string(packed) == "31D98C56B3DD1A0D")
        #expect(GSM7Codec.text(fromSeptets: GSM7Packing.unpackUserData(packed, headerOctets: 0)) == "1234567\r\r")
    }

    @Test("fill bits align septets after a user data header", arguments: [(0, 0), (4, 3), (6, 1), (7, 0), (9, 5), (12, 2)])
    func fillBits(header: Int, fill: Int) {
        #expect(GSM7Packing.fillBits(afterHeaderOctets: header) == fill)
    }

    @Test("one fill bit after a 6-octet concatenation header")
    func fillAfterSixOctetHeader() {
        #expect(Hex.string(GSM7Packing.packUserData(septets("hi"), headerOctets: 6)) == "D069")
        #expect(Hex.string(GSM7Packing.packUserData(septets("hellohello"), headerOctets: 6)) == "D06536FB8D2EB3D96F")
        let decoded = GSM7Packing.unpackUserData(Hex.bytes("D06536FB8D2EB3D96F"), headerOctets: 6)
        #expect(GSM7Codec.text(fromSeptets: decoded) == "hellohello")
    }

    @Test("packed part with UDH decodes through SMSDecoder")
    func decoderWithUDH() throws {
        let profile = PeerTextProfile(defaultAlphabet: .gsm7Packed)
        let userData = Hex.bytes("050003CC0201") + Hex.bytes("D06536FB8D2EB3D96F")
        let part = try SMSDecoder(profile: profile).decode(userData: userData, dataCoding: 0, hasUserDataHeader: true)
        #expect(part.text == "hellohello")
        #expect(part.concatenation == ConcatenationInfo(reference: 0xCC, total: 2, sequence: 1, referenceKind: .udh8))
    }

    @Test("pack matches a bit-by-bit reference for every length and fill")
    func matchesReference() {
        var generator = SplitMix64(seed: 7)
        for length in 0...40 {
            for fill in 0...6 {
                let values = (0..<length).map { _ in UInt8.random(in: 0...0x7F, using: &generator) }
                #expect(GSM7Packing.pack(values, fillBits: fill) == referencePack(values, fill: fill))
                #expect(GSM7Packing.unpack(GSM7Packing.pack(values, fillBits: fill), fillBits: fill, count: length) == values)
            }
        }
    }

    private func referencePack(_ septets: [UInt8], fill: Int) -> [UInt8] {
        guard !septets.isEmpty else { return [] }
        var bits = [UInt8](repeating: 0, count: fill)
        for septet in septets { for bit in 0..<7 { bits.append((septet >> UInt8(bit)) & 1) } }
        while bits.count % 8 != 0 { bits.append(0) }
        return stride(from: 0, to: bits.count, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { $0 | bits[start + $1] << UInt8($1) }
        }
    }
}
