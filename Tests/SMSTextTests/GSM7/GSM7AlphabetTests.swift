import Testing
@testable import SMSText

@Suite("GSM 03.38 alphabet and shift tables")
struct GSM7AlphabetTests {
    static let defaultAlphabet =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u{1B}ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"

    @Test("every default alphabet position decodes and re-encodes to itself")
    func defaultTable() {
        let scalars = Array(Self.defaultAlphabet.unicodeScalars)
        #expect(scalars.count == 128)
        for (septet, scalar) in scalars.enumerated() where septet != 0x1B {
            #expect(GSM7Codec.septets(String(scalar)) == [UInt8(septet)], "septet \(septet)")
            #expect(GSM7Codec.text(fromSeptets: [UInt8(septet)]) == String(scalar))
        }
    }

    @Test("extension characters cost an escape plus a code")
    func extensionTable() {
        let expected: [(String, UInt8)] = [
            ("\u{0C}", 0x0A), ("^", 0x14), ("{", 0x28), ("}", 0x29), ("\\", 0x2F), ("[", 0x3C), ("~", 0x3D),
            ("]", 0x3E), ("|", 0x40), ("€", 0x65),
        ]
        for (character, code) in expected {
            #expect(GSM7Codec.septets(character) == [0x1B, code], "\(character)")
            #expect(GSM7Codec.text(fromSeptets: [0x1B, code]) == character)
        }
    }

    @Test("characters outside the alphabet are rejected", arguments: ["ç", "Привет", "😀", "`", "á", "\u{00A0}"])
    func unrepresentable(text: String) {
        #expect(GSM7Codec.septets(text) == nil)
        #expect(!GSM7Codec.canEncode(text))
    }

    @Test("decoding edge cases: unknown escape, escape-escape, dangling escape, 8-bit values")
    func decodingEdgeCases() {
        #expect(GSM7Codec.text(fromSeptets: [0x1B, 0x41]) == "A")  // undefined extension shows the base character
        #expect(GSM7Codec.text(fromSeptets: [0x41, 0x1B, 0x1B, 0x42]) == "A B")
        #expect(GSM7Codec.text(fromSeptets: [0x41, 0x1B]) == "A")
        #expect(GSM7Codec.text(fromSeptets: [0x41, 0x80]) == "A\u{FFFD}")
    }

    @Test("national language single and locking shift tables")
    func nationalTables() {
        #expect(GSM7Codec.septets("ş", tables: GSMShiftTables(single: .turkish)) == [0x1B, 0x73])
        #expect(GSM7Codec.septets("ş", tables: GSMShiftTables(locking: .turkish)) == [0x1D])
        #expect(GSM7Codec.septets("İı", tables: GSMShiftTables(locking: .turkish)) == [0x40, 0x07])
        #expect(GSM7Codec.septets("€", tables: GSMShiftTables(locking: .turkish)) == [0x04])
        #expect(GSM7Codec.septets("á", tables: GSMShiftTables(single: .spanish)) == [0x1B, 0x61])
        #expect(GSM7Codec.septets("ç", tables: GSMShiftTables(single: .spanish)) == [0x1B, 0x09])
        #expect(GSM7Codec.septets("ã", tables: GSMShiftTables(single: .portuguese)) == [0x1B, 0x7B])
        #expect(GSM7Codec.septets("ê∞", tables: GSMShiftTables(locking: .portuguese)) == [0x04, 0x15])
        #expect(GSM7Codec.septets("º", tables: GSMShiftTables(locking: .portuguese)) == [0x24])
        // A Spanish locking shift is the default alphabet.
        #expect(GSMShiftTables(locking: .spanish, single: .spanish) == GSMShiftTables(single: .spanish))
        // The default table still applies where the single shift table has no entry.
        #expect(GSM7Codec.text(fromSeptets: [0x1B, 0x42], tables: GSMShiftTables(single: .turkish)) == "B")
    }

    @Test("every table combination round-trips every character it maps")
    func combinationsRoundTrip() {
        let lockings: [GSMNationalLanguage?] = [nil, .turkish, .portuguese]
        let singles: [GSMNationalLanguage?] = [nil, .turkish, .spanish, .portuguese]
        for locking in lockings {
            for single in singles {
                let tables = GSMShiftTables(locking: locking, single: single)
                let set = GSM7CharacterSet.forTables(tables)
                var mapped = set.basic.filter { $0 != GSM7Tables.escape }
                mapped += set.shifted.filter { $0 != 0 }
                for value in mapped {
                    let text = String(Unicode.Scalar(value)!)
                    guard let septets = GSM7Codec.septets(text, tables: tables) else {
                        Issue.record("U+\(String(value, radix: 16)) not encodable with \(tables)")
                        continue
                    }
                    #expect(GSM7Codec.text(fromSeptets: septets, tables: tables) == text)
                    #expect(septets.count <= 2)
                }
            }
        }
    }

    @Test("UDH announces shift tables with IE 0x25 and 0x24")
    func shiftElements() {
        let tables = GSMShiftTables(locking: .portuguese, single: .portuguese)
        #expect(tables.informationElements.flatMap(\.encoded) == [0x25, 0x01, 0x03, 0x24, 0x01, 0x03])
        let header = UserDataHeader(elements: tables.informationElements)
        #expect(header.shiftTables == tables)
    }
}
