import PropertyBased
import Testing
@testable import SMSText

/// encode → segment → decode → reassemble == original, for every encoding and concatenation choice, with
/// limits checked on every part.
@Suite("Round-trip properties")
struct RoundTripPropertyTests {
    static let methods = ConcatenationMethod.allCases

    /// Checks one text end to end; `expectedEncoding` guards against the generator drifting to another encoding.
    private func check(
        _ text: String, options: SMSEncoderOptions, reference: UInt16, seed: UInt64, expectedEncoding: TextEncoding
    ) throws {
        let plan = try SMSEncoder(options).encode(text, reference: reference)
        #expect(plan.encoding == expectedEncoding)
        #expect(try SMSCounter(options).count(text) == plan.count)
        checkLimits(plan, options: options)

        let decoded = try SMSDecoder(profile: options.profile).decode(plan)
        for part in decoded {
            // Escape sequences and surrogate pairs are never split.
            switch part.alphabet {
            case .gsm7: #expect(part.units.last != 0x1B)
            case .ucs2:
                let units = UCS2Codec.codeUnits(fromBytes: part.units)
                #expect(!(units.last.map(UTF16.isLeadSurrogate) ?? false))
                #expect(!(units.first.map(UTF16.isTrailSurrogate) ?? false))
            default: break
            }
        }

        // Deliver in a shuffled order, repeating one part before the message completes.
        var generator = SplitMix64(seed: seed)
        var delivery = decoded.shuffled(using: &generator)
        if delivery.count > 1 {
            let repeated = Int.random(in: 0..<(delivery.count - 1), using: &generator)
            delivery.insert(delivery[repeated], at: repeated + 1)
        }
        var reassembler = Reassembler(clock: ManualClock())
        var completed: [ReassembledMessage] = []
        for part in delivery {
            if let message = reassembler.receive(part, source: "447700900001", destination: "Example").completed {
                completed.append(message)
            }
        }
        #expect(completed.count == 1)
        #expect(reassembler.pendingCount == 0)
        let result = completed.first?.text
        if plan.isPacked && text.unicodeScalars.last == "\r" {
            // 23.038 6.1.2.3.1: a final CR on an octet boundary is sent as CR CR, which means the same.
            #expect(result == text || result == text + "\r")
        } else {
            #expect(result == text)
        }
    }

    private func checkLimits(_ plan: EncodedMessage, options: SMSEncoderOptions) {
        #expect(plan.count.parts <= options.maxParts)
        for part in plan.parts {
            if part.messagePayload == nil {
                #expect(part.unitCount <= plan.count.unitsPerPart)
                #expect(part.shortMessage.count <= 254)
                if plan.encoding != .gsm7 || plan.isPacked {
                    #expect(part.shortMessage.count <= 140, "part exceeds 140 octets")
                } else {
                    #expect(part.shortMessage.count - (part.userDataHeader?.encodedLength ?? 0) == part.unitCount)
                }
            }
            if plan.parts.count > 1 {
                switch plan.concatenation {
                case .udh8:
                    #expect(part.userDataHeader?.concatenation?.referenceKind == .udh8)
                    #expect(part.userDataHeader?.concatenation?.total == plan.parts.count)
                case .udh16:
                    #expect(part.userDataHeader?.concatenation?.referenceKind == .udh16)
                case .sar:
                    #expect(part.sar?.totalSegments == UInt8(plan.parts.count))
                    #expect(part.userDataHeader?.concatenation == nil)
                default:
                    Issue.record("unexpected concatenation \(String(describing: plan.concatenation))")
                }
            }
        }
        #expect(plan.parts.map(\.sequence) == Array(1...plan.parts.count))
    }

    private static let references = Gen<UInt16>.value(in: 0...UInt16.max)
    private static let seeds = Gen<UInt64>.value(in: 0...UInt64.max)

    @Test("GSM 7-bit unpacked", arguments: methods)
    func gsmUnpacked(method: ConcatenationMethod) async {
        let options = SMSEncoderOptions(concatenation: method, maxParts: 255)
        await propertyCheck(
            input: TextGenerators.text(from: TextGenerators.gsmPool, length: 0...700), Self.references, Self.seeds
        ) { text, reference, seed in
            try check(text, options: options, reference: reference, seed: seed, expectedEncoding: .gsm7)
        }
    }

    @Test("GSM 7-bit packed", arguments: methods)
    func gsmPacked(method: ConcatenationMethod) async {
        let options = SMSEncoderOptions(
            profile: PeerTextProfile(defaultAlphabet: .gsm7Packed), concatenation: method, maxParts: 255)
        await propertyCheck(
            input: TextGenerators.text(from: TextGenerators.gsmPool, length: 0...700), Self.references, Self.seeds
        ) { text, reference, seed in
            try check(text, options: options, reference: reference, seed: seed, expectedEncoding: .gsm7)
        }
    }

    @Test("GSM packed texts made of CRs and boundary lengths")
    func gsmPackedCarriageReturns() async {
        let options = SMSEncoderOptions(profile: PeerTextProfile(defaultAlphabet: .gsm7Packed), maxParts: 255)
        await propertyCheck(
            input: TextGenerators.text(from: ["a", "\r", "€"], length: 140...330), Self.seeds
        ) { text, seed in
            try check(text, options: options, reference: 1, seed: seed, expectedEncoding: .gsm7)
        }
    }

    @Test("UCS-2 with emoji, flags, ZWJ sequences and combining marks", arguments: methods)
    func ucs2(method: ConcatenationMethod) async {
        let options = SMSEncoderOptions(concatenation: method, maxParts: 255)
        await propertyCheck(
            input: TextGenerators.text(from: TextGenerators.ucs2Pool, length: 1...400).map { "Ж" + $0 },
            Self.references, Self.seeds
        ) { text, reference, seed in
            try check(text, options: options, reference: reference, seed: seed, expectedEncoding: .ucs2)
        }
    }

    @Test("Latin-1", arguments: methods)
    func latin1(method: ConcatenationMethod) async {
        let options = SMSEncoderOptions(
            profile: PeerTextProfile(acceptedEncodings: [.latin1]), concatenation: method, maxParts: 255)
        await propertyCheck(
            input: TextGenerators.text(from: TextGenerators.latin1Pool, length: 0...600), Self.references, Self.seeds
        ) { text, reference, seed in
            try check(text, options: options, reference: reference, seed: seed, expectedEncoding: .latin1)
        }
    }

    @Test("IA5 as data_coding 0", arguments: methods)
    func ia5(method: ConcatenationMethod) async {
        let options = SMSEncoderOptions(
            profile: PeerTextProfile(defaultAlphabet: .ia5, acceptedEncodings: [.ia5]), concatenation: method,
            maxParts: 255)
        await propertyCheck(
            input: TextGenerators.text(from: TextGenerators.ia5Pool, length: 0...600), Self.references, Self.seeds
        ) { text, reference, seed in
            try check(text, options: options, reference: reference, seed: seed, expectedEncoding: .ia5)
        }
    }

    @Test("Turkish and Portuguese shift tables", arguments: methods)
    func nationalLanguages(method: ConcatenationMethod) async {
        let options = SMSEncoderOptions(
            profile: PeerTextProfile(
                acceptedEncodings: [.gsm7], nationalLanguages: [.turkish, .portuguese, .spanish], allowsLockingShift: true),
            concatenation: method, maxParts: 255)
        let pool = Gen<Bool>.bool.map { $0 ? TextGenerators.turkishPool : TextGenerators.portuguesePool }
        await propertyCheck(input: pool, Gen<Int>.int(in: 1...600), Self.seeds, Self.references) { chosen, length, seed, reference in
            var generator = SplitMix64(seed: seed)
            let text = String((0..<length).map { _ in chosen.randomElement(using: &generator) ?? "a" })
            try check(text, options: options, reference: reference, seed: seed, expectedEncoding: .gsm7)
        }
    }

    @Test("the part cap is enforced with a typed error")
    func partCap() async {
        await propertyCheck(input: Gen<Int>.int(in: 1...12), Gen<Int>.int(in: 1...2000)) { (maxParts: Int, length: Int) throws in
            let options = SMSEncoderOptions(maxParts: maxParts)
            let text = String(repeating: "a", count: length)
            let needed = length <= 160 ? 1 : (length + 152) / 153
            if needed <= maxParts {
                #expect(try SMSEncoder(options).encode(text).count.parts == needed)
            } else {
                #expect(throws: SMSTextError.tooManyParts(required: needed, maximum: maxParts)) {
                    try SMSEncoder(options).encode(text)
                }
            }
        }
    }
}
