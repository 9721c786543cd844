import Testing
@testable import SMSText

@Suite("UCS-2 and octet codecs")
struct TextCodecTests {
    @Test("UCS-2 is UTF-16BE without BOM and keeps surrogate pairs")
    func ucs2() {
        #expect(Hex.string(UCS2Codec.bytes("Hi 😀")) == "004800690020D83DDE00")
        #expect(UCS2Codec.bytes("😀") == [0xD8, 0x3D, 0xDE, 0x00])
        #expect(UCS2Codec.text(fromBytes: [0x04, 0x1F, 0xD8, 0x3D, 0xDE, 0x00]) == "П😀")
    }

    @Test("UCS-2 decoding repairs a lone surrogate and an odd trailing byte")
    func ucs2Repair() {
        #expect(UCS2Codec.text(fromBytes: [0xD8, 0x3D, 0x00, 0x41]) == "\u{FFFD}A")
        #expect(UCS2Codec.text(fromBytes: [0x00, 0x41, 0x42]) == "A\u{FFFD}")
    }

    @Test("IA5 and Latin-1")
    func octets() {
        #expect(OctetTextCodec.bytes("Olá", encoding: .latin1) == [0x4F, 0x6C, 0xE1])
        #expect(OctetTextCodec.bytes("Olá", encoding: .ia5) == nil)
        #expect(OctetTextCodec.bytes("Hi", encoding: .ia5) == [0x48, 0x69])
        #expect(OctetTextCodec.bytes("€", encoding: .latin1) == nil)
        #expect(OctetTextCodec.bytes("x", encoding: .ucs2) == nil)
        #expect(OctetTextCodec.text(fromBytes: [0x4F, 0x6C, 0xE1]) == "Olá")
    }
}
