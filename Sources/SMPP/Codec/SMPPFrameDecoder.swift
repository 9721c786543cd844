import NIOCore

/// Splits a TCP byte stream into PDU frames using `command_length`.
///
/// A `command_length` below 16 or above ``SMPPCodecOptions/maxPDUSize`` throws
/// ``SMPPCodecError`` (`invalidCommandLength`) as soon as the 4 length octets arrive, so a
/// hostile peer can never make us buffer more than the maximum. The stream cannot be
/// resynchronised after that; the connection must answer generic_nack and close.
///
/// Usable as `ByteToMessageHandler(SMPPFrameDecoder(maxPDUSize:))` or inside a handler through
/// `NIOSingleStepByteToMessageProcessor`.
public struct SMPPFrameDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = ByteBuffer

    public let maxPDUSize: Int

    public init(maxPDUSize: Int = SMPPCodecOptions.default.maxPDUSize) {
        self.maxPDUSize = maxPDUSize
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> ByteBuffer? {
        guard let length = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt32.self) else {
            return nil
        }
        guard length >= UInt32(PDUHeader.size), length <= UInt32(maxPDUSize) else {
            var header: PDUHeader? = nil
            if let id = buffer.getInteger(at: buffer.readerIndex + 4, endianness: .big, as: UInt32.self),
               let status = buffer.getInteger(at: buffer.readerIndex + 8, endianness: .big, as: UInt32.self),
               let sequence = buffer.getInteger(at: buffer.readerIndex + 12, endianness: .big, as: UInt32.self) {
                header = PDUHeader(commandLength: length, commandID: CommandID(rawValue: id),
                                   commandStatus: CommandStatus(rawValue: status), sequenceNumber: sequence)
            }
            throw SMPPCodecError(code: .invalidCommandLength, status: .invalidCommandLength, header: header,
                                 message: "command_length \(length) outside 16...\(maxPDUSize)")
        }
        return buffer.readSlice(length: Int(length))
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> ByteBuffer? {
        try decode(buffer: &buffer)
    }
}
