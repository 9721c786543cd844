import NIOCore
import SMPP

// libFuzzer entry point for the SMPP decoder.
//
// The input is treated as a TCP byte stream: split into frames by SMPPFrameDecoder (bounded
// maximum PDU size), each frame decoded by PDUDecoder. Properties checked:
//  - nothing traps or allocates without bound (the sanitizer and libFuzzer's -rss_limit_mb catch it);
//  - every PDU that decodes re-encodes, and the re-encoding decodes to a value that encodes to
//    the same bytes (encoder and decoder agree on every limit).
// The first input byte selects codec options so strict and lenient modes are both explored.

@_cdecl("LLVMFuzzerTestOneInput")
public func smppDecoderFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var options = SMPPCodecOptions.default
    let selector = bytes[0]
    if selector & 0x01 != 0 { options = .lenientCredentials }
    if selector & 0x02 != 0 { options.tlvValidation = .strict }
    if selector & 0x04 != 0 { options.strictTimeFormat = false }
    options.maxPDUSize = selector & 0x08 != 0 ? 256 : 8_192

    var stream = ByteBuffer(bytes: bytes.dropFirst())
    var frames = SMPPFrameDecoder(maxPDUSize: options.maxPDUSize)
    let decoder = PDUDecoder(options: options)
    let encoder = PDUEncoder(options: options)

    while true {
        let frame: ByteBuffer?
        do {
            frame = try frames.decode(buffer: &stream)
        } catch {
            break  // invalid command_length: the connection would answer generic_nack and close
        }
        guard let frame else { break }
        guard let pdu = try? decoder.decode(frame: frame) else { continue }
        guard let encoded = try? encoder.encode(pdu) else { continue }
        let again: PDU
        do {
            again = try decoder.decode(frame: encoded)
        } catch {
            fatalError("re-encoded \(pdu.commandID) does not decode: \(error)")
        }
        guard let twice = try? encoder.encode(again), twice == encoded else {
            fatalError("unstable re-encoding of \(pdu.commandID)")
        }
    }
    // Also feed the whole input as one frame, bypassing the frame decoder's length check.
    _ = try? decoder.decode(frame: ByteBuffer(bytes: bytes.dropFirst()))
    return 0
}
