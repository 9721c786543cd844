import Benchmark
import NIOCore
import SMPP

// Micro-benchmarks of the SMPP codec (no sockets): encoding and decoding the PDUs that dominate
// gateway traffic. System-level throughput is `herald bench smpp`.

let submit = PDU(sequenceNumber: 42, body: .submitSM(SubmitSM(
    source: SMPPAddress(alphanumeric: "Herald"), destination: .international("447700900123"),
    registeredDelivery: .receiptOnFinal, shortMessage: Array("Your verification code is 123456".utf8))))

let receipt: PDU = {
    var sm = DeliverSM(source: .international("447700900123"), destination: SMPPAddress(alphanumeric: "Herald"),
                       esmClass: .deliveryReceipt,
                       shortMessage: Array("id:0A1B2C3D sub:001 dlvrd:001 submit date:2501011200 done date:2501011201 stat:DELIVRD err:000 text:Your verific".utf8))
    sm.tlvs.receiptedMessageID = "0A1B2C3D"
    sm.tlvs.messageState = .delivered
    return PDU(sequenceNumber: 7, body: .deliverSM(sm))
}()

let benchmarks: @Sendable () -> Void = {
    let encoder = PDUEncoder()
    let decoder = PDUDecoder()
    let submitBytes = try! encoder.encode(submit)
    let receiptBytes = try! encoder.encode(receipt)
    var stream = ByteBuffer()
    for _ in 0..<64 { stream.writeImmutableBuffer(submitBytes) }

    Benchmark("encode submit_sm") { benchmark in
        var buffer = ByteBuffer()
        buffer.reserveCapacity(256)
        for _ in benchmark.scaledIterations {
            buffer.clear()
            try encoder.encode(submit, into: &buffer)
            blackHole(buffer)
        }
    }

    Benchmark("decode submit_sm") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try decoder.decode(frame: submitBytes))
        }
    }

    Benchmark("decode deliver_sm receipt") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try decoder.decode(frame: receiptBytes))
        }
    }

    Benchmark("frame and decode 64 submit_sm") { benchmark in
        for _ in benchmark.scaledIterations {
            var input = stream
            var frames = SMPPFrameDecoder()
            while let frame = try frames.decode(buffer: &input) {
                blackHole(try decoder.decode(frame: frame))
            }
        }
    }
}
