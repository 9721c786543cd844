import NIOCore

/// Encodes ``PDU`` values to their wire form, enforcing the same limits as the decoder.
///
/// Error responses (non-zero status) of submit_sm, submit_multi, deliver_sm, data_sm, query_sm
/// and the bind requests are written without a body, as SMPP 3.4 prescribes.
///
/// ```swift
/// var buffer = ByteBuffer()
/// try PDUEncoder().encode(PDU(sequenceNumber: 1, body: .enquireLink), into: &buffer)
/// ```
public struct PDUEncoder: Sendable {
    public var options: SMPPCodecOptions

    public init(options: SMPPCodecOptions = .default) {
        self.options = options
    }

    /// Appends the encoded PDU to `buffer`. On error `buffer` is left as it was.
    public func encode(_ pdu: PDU, into buffer: inout ByteBuffer) throws(SMPPCodecError) {
        let start = buffer.writerIndex
        buffer.writeInteger(UInt32(0), endianness: .big)
        buffer.writeInteger(pdu.commandID.rawValue, endianness: .big)
        buffer.writeInteger(pdu.commandStatus.rawValue, endianness: .big)
        buffer.writeInteger(pdu.sequenceNumber, endianness: .big)
        var writer = PDUBodyWriter(buffer: buffer, options: options)
        buffer = ByteBuffer()  // hand the storage to the writer without a copy
        do {
            if !Self.omitsBody(pdu) {
                try Self.encodeBody(pdu.body, into: &writer)
            }
        } catch {
            buffer = writer.takeBuffer()
            buffer.moveWriterIndex(to: start)
            throw error
        }
        buffer = writer.takeBuffer()  // unique again: no copy-on-write below
        let length = buffer.writerIndex - start
        guard length <= options.maxPDUSize else {
            buffer.moveWriterIndex(to: start)
            throw SMPPCodecError(code: .invalidCommandLength, status: .invalidCommandLength,
                                 message: "encoded \(pdu.commandID) is \(length) octets, above the maximum \(options.maxPDUSize)")
        }
        buffer.setInteger(UInt32(length), at: start, endianness: .big)
    }

    /// Convenience: encodes into a new buffer.
    public func encode(_ pdu: PDU, allocator: ByteBufferAllocator = ByteBufferAllocator()) throws(SMPPCodecError) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: 64)
        try encode(pdu, into: &buffer)
        return buffer
    }

    static func omitsBody(_ pdu: PDU) -> Bool {
        guard !pdu.commandStatus.isOK else { return false }
        switch pdu.body {
        case .submitSMResponse, .submitMultiResponse, .deliverSMResponse, .dataSMResponse, .querySMResponse, .bindResponse:
            return true
        default:
            return false
        }
    }

    static func encodeBody(_ body: PDU.Body, into writer: inout PDUBodyWriter) throws(SMPPCodecError) {
        switch body {
        case .bind(let b): try b.encode(into: &writer)
        case .bindResponse(let b): try b.encode(into: &writer)
        case .outbind(let b): try b.encode(into: &writer)
        case .submitSM(let b): try b.encode(into: &writer)
        case .submitSMResponse(let b): try b.encode(into: &writer)
        case .submitMulti(let b): try b.encode(into: &writer)
        case .submitMultiResponse(let b): try b.encode(into: &writer)
        case .deliverSM(let b): try b.encode(into: &writer)
        case .deliverSMResponse(let b): try b.encode(into: &writer)
        case .dataSM(let b): try b.encode(into: &writer)
        case .dataSMResponse(let b): try b.encode(into: &writer)
        case .querySM(let b): try b.encode(into: &writer)
        case .querySMResponse(let b): try b.encode(into: &writer)
        case .cancelSM(let b): try b.encode(into: &writer)
        case .replaceSM(let b): try b.encode(into: &writer)
        case .alertNotification(let b): try b.encode(into: &writer)
        case .unbind, .unbindResponse, .cancelSMResponse, .replaceSMResponse, .enquireLink, .enquireLinkResponse, .genericNack:
            break
        }
    }
}
