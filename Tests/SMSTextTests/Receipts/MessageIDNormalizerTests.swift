import Testing
@testable import SMSText

@Suite("MessageIDNormalizer")
struct MessageIDNormalizerTests {
    let normalizer = MessageIDNormalizer()

    @Test("documented example: hex in submit_sm_resp, decimal in the text, padded hex in the TLV")
    func documentedExample() {
        #expect(normalizer.canonicalKeys(for: "1A2B") == ["t:1a2b", "n:1a2b"])
        #expect(normalizer.canonicalKeys(for: "6699") == ["t:6699", "n:6699", "n:1a2b"])
        #expect(normalizer.canonicalKeys(for: "00001a2b") == ["t:00001a2b", "n:1a2b"])
        #expect(normalizer.matches("1A2B", "6699"))
        #expect(normalizer.matches("1A2B", "00001a2b"))
        #expect(normalizer.matches("0x1A2B", "1a2b"))
    }

    @Test("a receipt finds its message through the normalised keys")
    func receiptLookup() throws {
        var index: [String: String] = [:]
        for key in normalizer.canonicalKeys(for: "1A2B") { index[key] = "message-1" }
        for key in normalizer.canonicalKeys(for: "FFFF0000") { index[key] = "message-2" }
        let receipt = try DeliveryReceipt.parse(
            "id:6699 sub:001 dlvrd:001 submit date:2401021530 done date:2401021531 stat:DELIVRD err:000 text:",
            tlvs: ReceiptTLVValues(receiptedMessageID: "00001a2b"))
        #expect(Set(receipt.candidateKeys(using: normalizer).compactMap { index[$0] }) == ["message-1"])
    }

    @Test("case, whitespace and leading zeros do not matter")
    func normalisation() {
        #expect(normalizer.matches(" abc123\0", "ABC123"))
        #expect(normalizer.matches("000042", "42"))
        #expect(normalizer.matches("0", "0000"))
        #expect(!normalizer.matches("42", "43"))
        #expect(normalizer.canonicalKeys(for: "  ").isEmpty)
    }

    @Test("opaque ids only match textually")
    func opaque() {
        #expect(normalizer.canonicalKeys(for: "msg-XYZ_1") == ["t:msg-xyz_1"])
        #expect(normalizer.matches("550E8400-E29B-41D4-A716-446655440000", "550e8400-e29b-41d4-a716-446655440000"))
    }

    @Test("ids beyond 64 bits convert exactly")
    func bigIDs() {
        // 2^64 = 18446744073709551616 = 0x10000000000000000
        #expect(normalizer.matches("18446744073709551616", "10000000000000000"))
        #expect(normalizer.matches("340282366920938463463374607431768211455", "ffffffffffffffffffffffffffffffff"))
    }

    @Test("restricting interpretations avoids cross-base collisions")
    func restricted() {
        let hexOnly = MessageIDNormalizer(interpretations: .hexadecimal)
        #expect(hexOnly.canonicalKeys(for: "6699") == ["t:6699", "n:6699"])
        #expect(!hexOnly.matches("6699", "1A2B"))
        let decimalOnly = MessageIDNormalizer(interpretations: .decimal)
        #expect(decimalOnly.matches("6699", "06699"))
        #expect(!decimalOnly.matches("1A2B", "6699"))
        #expect(MessageIDNormalizer(interpretations: []).canonicalKeys(for: "6699") == ["t:6699"])
    }
}
