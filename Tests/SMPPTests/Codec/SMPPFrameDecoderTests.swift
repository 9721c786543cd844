import NIOCore
import NIOEmbedded
import Testing
@testable import SMPP

@Suite("Frame decoder")
struct SMPPFrameDecoderTests {
    @Test func reassemblesFramesSplitAtEveryOffset() throws {
        var stream = ByteBuffer()
        for vector in PDUVectors.all { stream.writeImmutableBuffer(vector.bytes) }
        let total = stream.readableBytes
        for chunkSize in [1, 3, 7, 16, 64, total] {
            var decoder = SMPPFrameDecoder()
            var pending = ByteBuffer()
            var frames: [ByteBuffer] = []
            var offset = 0
            while offset < total {
                let length = min(chunkSize, total - offset)
                pending.writeImmutableBuffer(stream.getSlice(at: offset, length: length)!)
                offset += length
                while let frame = try decoder.decode(buffer: &pending) { frames.append(frame) }
            }
            #expect(frames.count == PDUVectors.all.count, "chunk size \(chunkSize)")
            for (frame, vector) in zip(frames, PDUVectors.all) {
                #expect(try PDUDecoder().decode(frame: frame) == vector.pdu)
            }
        }
    }

    @Test func rejectsOversizeLengthBeforeBuffering() {
        var decoder = SMPPFrameDecoder(maxPDUSize: 1024)
        var buffer = hex("7FFFFFFF 00000004 00000000 00000009")
        #expect {
            _ = try decoder.decode(buffer: &buffer)
        } throws: { error in
            let e = error as? SMPPCodecError
            return e?.code == .invalidCommandLength && e?.header?.sequenceNumber == 9
        }
    }

    @Test func rejectsLengthBelowHeader() {
        var decoder = SMPPFrameDecoder()
        var buffer = hex("0000000F")
        #expect(throws: SMPPCodecError.self) { _ = try decoder.decode(buffer: &buffer) }
    }

    @Test func worksAsByteToMessageHandler() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(SMPPFrameDecoder()))
        var stream = ByteBuffer()
        stream.writeImmutableBuffer(PDUVectors.enquireLink)
        stream.writeImmutableBuffer(PDUVectors.submitSM)
        try channel.writeInbound(stream)
        let first = try channel.readInbound(as: ByteBuffer.self)
        let second = try channel.readInbound(as: ByteBuffer.self)
        #expect(first == PDUVectors.enquireLink)
        #expect(second == PDUVectors.submitSM)
        _ = try channel.finish()
    }
}
