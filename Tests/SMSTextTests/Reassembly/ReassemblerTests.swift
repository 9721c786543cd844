import Testing
@testable import SMSText

@Suite("Reassembler")
struct ReassemblerTests {
    let decoder = SMSDecoder()

    private func parts(_ text: String, reference: UInt16 = 1, method: ConcatenationMethod = .udh8) throws -> [DecodedShortMessage] {
        try decoder.decode(SMSEncoder(SMSEncoderOptions(concatenation: method)).encode(text, reference: reference))
    }

    @Test("a part without concatenation completes at once")
    func single() throws {
        var reassembler = Reassembler(clock: ManualClock())
        let outcome = reassembler.receive(try parts("hello")[0], source: "A", destination: "B")
        #expect(outcome.completed?.text == "hello")
        #expect(outcome.completed?.key == nil)
        #expect(reassembler.pendingCount == 0)
    }

    @Test("out of order with duplicates")
    func outOfOrder() throws {
        let text = String(repeating: "0123456789", count: 40)
        let received = try parts(text)
        #expect(received.count == 3)
        var reassembler = Reassembler(clock: ManualClock())
        let first = reassembler.receive(received[2], source: "A", destination: "B")
        guard case .pending(let key, 1, 3) = first.status else {
            Issue.record("expected pending, got \(first.status)")
            return
        }
        #expect(key == ReassemblyKey(source: "A", destination: "B", reference: 1, total: 3))
        let duplicate = reassembler.receive(received[2], source: "A", destination: "B")
        guard case .duplicate(_, 3) = duplicate.status else {
            Issue.record("expected duplicate, got \(duplicate.status)")
            return
        }
        #expect(reassembler.receive(received[0], source: "A", destination: "B").completed == nil)
        let last = reassembler.receive(received[1], source: "A", destination: "B")
        #expect(last.completed?.text == text)
        #expect(last.completed?.parts.count == 3)
        #expect(reassembler.pendingCount == 0)
        #expect(reassembler.pendingByteCount == 0)
    }

    @Test("parts of different messages are kept apart by source, destination, reference and total")
    func keys() throws {
        let one = try parts(String(repeating: "a", count: 200), reference: 5)
        let two = try parts(String(repeating: "b", count: 200), reference: 5)
        var reassembler = Reassembler(clock: ManualClock())
        _ = reassembler.receive(one[0], source: "A", destination: "B")
        _ = reassembler.receive(two[0], source: "C", destination: "B")
        #expect(reassembler.pendingCount == 2)
        #expect(reassembler.receive(two[1], source: "C", destination: "B").completed?.text == String(repeating: "b", count: 200))
        #expect(reassembler.receive(one[1], source: "A", destination: "B").completed?.text == String(repeating: "a", count: 200))
    }

    @Test("SAR parts reassemble")
    func sar() throws {
        let text = String(repeating: "Привет ", count: 30)
        let received = try parts(text, reference: 0x4242, method: .sar)
        var reassembler = Reassembler(clock: ManualClock())
        var result: ReassembledMessage?
        for part in received.reversed() { result = reassembler.receive(part, source: "A", destination: "B").completed ?? result }
        #expect(result?.text == text)
        #expect(result?.key?.reference == 0x4242)
    }

    @Test("incomplete messages expire after the timeout, reported with what arrived")
    func expiry() throws {
        let clock = ManualClock()
        var reassembler = Reassembler(configuration: ReassemblerConfiguration(timeout: .seconds(60)), clock: clock)
        let received = try parts(String(repeating: "x", count: 400))
        _ = reassembler.receive(received[0], source: "A", destination: "B")
        clock.advance(by: .seconds(59))
        #expect(reassembler.expireStale().isEmpty)
        _ = reassembler.receive(received[1], source: "A", destination: "B")  // activity extends the deadline
        clock.advance(by: .seconds(59))
        #expect(reassembler.expireStale().isEmpty)
        clock.advance(by: .seconds(2))
        let expired = reassembler.expireStale()
        #expect(expired.count == 1)
        #expect(expired.first?.reason == .expired)
        #expect(expired.first?.receivedSequences == [1, 2])
        #expect(expired.first?.missingSequences == [3])
        #expect(expired.first?.partialContent.text == String(repeating: "x", count: 306))
        #expect(reassembler.pendingCount == 0)
        #expect(reassembler.pendingByteCount == 0)
    }

    @Test("expiry is also reported by the next receive")
    func expiryOnReceive() throws {
        let clock = ManualClock()
        var reassembler = Reassembler(configuration: ReassemblerConfiguration(timeout: .seconds(10)), clock: clock)
        _ = reassembler.receive(try parts(String(repeating: "x", count: 200), reference: 1)[0], source: "A", destination: "B")
        clock.advance(by: .seconds(11))
        let outcome = reassembler.receive(try parts("late")[0], source: "A", destination: "B")
        #expect(outcome.completed?.text == "late")
        #expect(outcome.dropped.map(\.reason) == [.expired])
    }

    @Test("memory is bounded: the least recently active message is evicted")
    func boundedMessages() throws {
        let clock = ManualClock()
        var reassembler = Reassembler(configuration: ReassemblerConfiguration(maxPendingMessages: 3), clock: clock)
        for reference in 1...3 {
            _ = reassembler.receive(try parts(String(repeating: "y", count: 200), reference: UInt16(reference))[0], source: "A", destination: "B")
            clock.advance(by: .seconds(1))
        }
        let outcome = reassembler.receive(try parts(String(repeating: "y", count: 200), reference: 4)[0], source: "A", destination: "B")
        #expect(outcome.dropped.map(\.reason) == [.evicted])
        #expect(outcome.dropped.first?.key.reference == 1)
        #expect(reassembler.pendingCount == 3)
    }

    @Test("memory is bounded in bytes")
    func boundedBytes() throws {
        var reassembler = Reassembler(configuration: ReassemblerConfiguration(maxPendingBytes: 400), clock: ManualClock())
        var dropped: [IncompleteMessage] = []
        for reference in 1...5 {
            let outcome = reassembler.receive(try parts(String(repeating: "z", count: 300), reference: UInt16(reference))[0], source: "A", destination: "B")
            dropped += outcome.dropped
            #expect(reassembler.pendingByteCount <= 400)
        }
        #expect(dropped.count == 3)
        #expect(reassembler.removeAll().map(\.reason) == [.flushed, .flushed])
        #expect(reassembler.pendingCount == 0)
    }

    @Test("a surrogate pair or escape split by a careless sender is repaired")
    func repairSplitSequences() throws {
        // UCS-2: "😀" split between two parts.
        let first = try decoder.decode(userData: [0x05, 0x00, 0x03, 0x09, 0x02, 0x01, 0x00, 0x41, 0xD8, 0x3D], dataCoding: 8, esmClass: 0x40)
        let second = try decoder.decode(userData: [0x05, 0x00, 0x03, 0x09, 0x02, 0x02, 0xDE, 0x00], dataCoding: 8, esmClass: 0x40)
        var reassembler = Reassembler(clock: ManualClock())
        _ = reassembler.receive(second, source: "A", destination: "B")
        #expect(reassembler.receive(first, source: "A", destination: "B").completed?.text == "A😀")

        // GSM: "€" split between escape and code.
        let gsmFirst = try decoder.decode(userData: [0x05, 0x00, 0x03, 0x0A, 0x02, 0x01, 0x41, 0x1B], dataCoding: 0, esmClass: 0x40)
        let gsmSecond = try decoder.decode(userData: [0x05, 0x00, 0x03, 0x0A, 0x02, 0x02, 0x65], dataCoding: 0, esmClass: 0x40)
        _ = reassembler.receive(gsmFirst, source: "A", destination: "B")
        #expect(reassembler.receive(gsmSecond, source: "A", destination: "B").completed?.text == "A€")
    }

    @Test("parts in different alphabets are decoded one by one")
    func mixedAlphabets() throws {
        let first = try decoder.decode(userData: [0x05, 0x00, 0x03, 0x0B, 0x02, 0x01, 0x48, 0x69, 0x20], dataCoding: 0, esmClass: 0x40)
        let second = try decoder.decode(userData: [0x05, 0x00, 0x03, 0x0B, 0x02, 0x02] + UCS2Codec.bytes("мир"), dataCoding: 8, esmClass: 0x40)
        var reassembler = Reassembler(clock: ManualClock())
        _ = reassembler.receive(first, source: "A", destination: "B")
        #expect(reassembler.receive(second, source: "A", destination: "B").completed?.text == "Hi мир")
    }
}
